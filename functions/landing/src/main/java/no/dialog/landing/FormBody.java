package no.dialog.landing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, within limits: a landing form is small, so anything
 * larger than {@link #MAX_BYTES} or with more than {@link #MAX_FIELDS} fields is refused before it is read.
 */
public final class FormBody {

    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_FIELDS = 200;

    private FormBody() {}

    /** Thrown for a body that is too large or not a form. */
    public static final class Refused extends Exception {
        private final boolean tooLarge;

        public Refused(String reason, boolean tooLarge) {
            super(reason);
            this.tooLarge = tooLarge;
        }

        /** Too large (413) rather than unreadable (400). */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    public static Map<String, List<String>> parse(String body) throws Refused {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        if (body.length() > MAX_BYTES) {
            throw new Refused("body larger than " + MAX_BYTES + " bytes", true);
        }
        String[] pairs = body.split("&");
        if (pairs.length > MAX_FIELDS) {
            throw new Refused("more than " + MAX_FIELDS + " fields", true);
        }
        try {
            for (String pair : pairs) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw new Refused("not a form body", false);
        }
        return form;
    }
}
