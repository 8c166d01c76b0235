package no.dialog.core.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Ledger ids of payments: {@code <source>-<digest of the reference>}. The digest keeps any provider's
 * reference (which may hold an account number or a long file path) out of keys and logs, and gives ids of
 * one length.
 */
public final class PaymentIds {

    private PaymentIds() {}

    public static String of(PaymentSource source, String reference) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source.jsonName() + "\n" + reference).getBytes(StandardCharsets.UTF_8));
            return source.jsonName() + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
