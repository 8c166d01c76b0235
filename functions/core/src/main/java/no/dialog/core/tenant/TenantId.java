package no.dialog.core.tenant;

import java.util.regex.Pattern;

/**
 * One organisation using Dialog. Every key, token and file path carries it, so that no request can
 * reach another organisation's data.
 *
 * <p>Lower-case letters, digits and dashes, 2–32 characters: it appears in table keys, S3 prefixes
 * and URLs, so it must be safe in all of them.
 *
 * <pre>{@code TenantId demo = TenantId.of("demo");}</pre>
 */
public record TenantId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant must be 2-32 lower-case letters, digits or dashes, not starting or ending with a dash");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
