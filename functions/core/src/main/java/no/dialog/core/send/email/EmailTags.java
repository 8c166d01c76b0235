package no.dialog.core.send.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SES message tags every Dialog e-mail carries, which SES repeats in each of its events (send,
 * delivery, open, click, bounce, complaint) under {@code mail.tags}: the webhooks function reads them to
 * find the send again. The names are a contract with that function; keep them.
 *
 * <ul>
 *   <li>{@value #KEY}: the idempotency key, base64url without padding (SES tag values allow only
 *       {@code [A-Za-z0-9_.@-]}, and a key has {@code :}).</li>
 *   <li>{@value #TENANT}: the tenant id as it is ({@code [a-z0-9-]}).</li>
 * </ul>
 */
public final class EmailTags {

    public static final String KEY = "dialog-key";
    public static final String TENANT = "dialog-tenant";
    public static final int MAX_LENGTH = 256;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.@-]{1," + MAX_LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private EmailTags() {}

    /** The tags for one message. */
    public static Map<String, String> of(String tenant, String idempotencyKey) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(KEY, encodeKey(idempotencyKey));
        tags.put(TENANT, tenant);
        return tags;
    }

    public static String encodeKey(String idempotencyKey) {
        return ENCODER.encodeToString(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The idempotency key from a {@value #KEY} tag's value, or empty if it is not one. */
    public static Optional<String> decodeKey(String tagValue) {
        if (tagValue == null || !tagValue.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(tagValue), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether SES takes this as a tag name or value. */
    public static boolean isValid(String nameOrValue) {
        return nameOrValue != null && ALLOWED.matcher(nameOrValue).matches();
    }
}
