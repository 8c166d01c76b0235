package no.dialog.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.tenant.TenantId;

/**
 * {@link Pseudonyms} as HMAC-SHA256: a key per tenant, {@code HMAC(key, "pseudonym-key:" + tenant)}, and the
 * pseudonym {@code "pseudonym-" + base64url(HMAC(tenantKey, contactId))}. The key must never change: a
 * pseudonym made under an old key cannot be made again, so the payments under it could not be found from the
 * contact id any more (unlike the link key, this one is not rotated).
 *
 * <pre>{@code
 * Pseudonyms pseudonyms = new HmacPseudonyms(() -> keyBytes);
 * pseudonyms.of(TenantId.of("demo"), "M-100001");   // "pseudonym-3q2-7w..." (43 characters after the prefix)
 * }</pre>
 */
public final class HmacPseudonyms implements Pseudonyms {

    public static final String PREFIX = "pseudonym-";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final Supplier<byte[]> key;

    /** @param key at least 32 bytes, asked for on every use (read from a secret that is never rotated) */
    public HmacPseudonyms(Supplier<byte[]> key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public String of(TenantId tenant, String contactId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(contactId, "contactId");
        byte[] master = key.get();
        if (master == null || master.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        byte[] tenantKey = hmac(master, "pseudonym-key:" + tenant.value());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(tenantKey, contactId));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
