package no.dialog.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.tenant.TenantId;

/**
 * Seals a person's secret value (a national identity number) with the organisation's own data key
 * ({@link TenantKeys}): AES-256-GCM with a random 96-bit nonce.
 *
 * <p>Envelope: {@code tk1.<keyId>.<base64url(nonce ‖ ciphertext ‖ tag)>}. {@code tk1} is the format, {@code keyId}
 * the tenant's data key number, so a value names the key that opens it and keys can rotate. The associated data is
 * {@code tk1.<keyId>|<tenant>:<contactId>}: a value moved to another person, another tenant or another key number
 * does not open, and another tenant's key does not open it either. Values of the older deployment-wide format
 * ({@code v<n>.…}) are read by {@code no.dialog.core.landing.SealedNumbers}.
 */
public final class TenantSealer {

    public static final String FORMAT = "tk1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final TenantKeys keys;

    public TenantSealer(TenantKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Whether {@code sealed} is in this class's envelope (any key id). */
    public static boolean isSealedHere(String sealed) {
        return sealed != null && sealed.startsWith(FORMAT + ".");
    }

    public String seal(TenantId tenant, String contactId, String plain) {
        TenantKeys.DataKey key = keys.current(tenant);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.id(), tenant, contactId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return FORMAT + "." + key.id() + "." + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalArgumentException if it is not in this envelope, was sealed for another tenant or person or
     *                                  with another key, or was altered; the message never shows the value
     */
    public String open(TenantId tenant, String contactId, String sealed) {
        if (!isSealedHere(sealed)) {
            throw new IllegalArgumentException("not a " + FORMAT + " sealed value");
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("a " + FORMAT + " sealed value is " + FORMAT + ".<keyId>.<base64url>");
        }
        int keyId = Integer.parseInt(parts[1]);
        byte[] bytes;
        try {
            bytes = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed value is not base64url");
        }
        if (bytes.length < NONCE + TAG_BITS / 8) {
            throw new IllegalArgumentException("the sealed value is too short");
        }
        TenantKeys.DataKey key;
        try {
            key = keys.byId(tenant, keyId);
        } catch (TenantKeys.UnknownKey e) {
            throw new IllegalArgumentException("the sealed value does not open with this tenant's keys");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.key(), "AES"),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(associatedData(keyId, tenant, contactId));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this tenant's key and person");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associatedData(int keyId, TenantId tenant, String contactId) {
        return (FORMAT + "." + keyId + "|" + tenant.value() + ":" + Objects.requireNonNull(contactId, "contactId"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
