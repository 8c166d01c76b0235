package no.dialog.core.payment.vipps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The reference Dialog gives Vipps for a payment or agreement a landing page starts: {@code dlg-} and
 * a digest of the page's submission reference. Vipps allows 8–64 of {@code [a-zA-Z0-9-]} and wants it
 * unique per merchant; the digest keeps the submission's own key (which names the link and question)
 * out of Vipps, and the same submission always gives the same reference, so starting it twice is
 * harmless.
 */
public final class VippsReferences {

    public static final String PREFIX = "dlg-";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VippsReferences() {}

    /** {@code dlg-} and 32 hex digits (128 bits of SHA-256): 36 characters. */
    public static String forSubmission(String submissionReference) {
        if (submissionReference == null || submissionReference.isBlank()) {
            throw new IllegalArgumentException("a payment request needs its reference");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(submissionReference.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(PREFIX);
            for (int i = 0; i < 16; i++) {
                out.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Whether {@code value} has the form of a reference Dialog made (and so is safe in a URL and a key). */
    public static boolean isDialogReference(String value) {
        return value != null && value.length() == PREFIX.length() + 32 && value.startsWith(PREFIX)
                && value.substring(PREFIX.length()).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
