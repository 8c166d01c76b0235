package no.dialog.core.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deliberately plain e-mail check: one {@code @}, a local part without spaces, and a domain with at
 * least one dot and valid labels. It accepts what mail providers accept in practice; it does not try
 * to implement all of RFC 5322 (quoted local parts are refused), and it lower-cases the domain.
 */
public final class EmailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddresses() {}

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > 254 || at <= 0 || at != trimmed.indexOf('@') || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(local + "@" + domain);
    }
}
