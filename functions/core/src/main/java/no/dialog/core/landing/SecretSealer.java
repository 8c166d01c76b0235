package no.dialog.core.landing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.secret.CurrentKey;

/**
 * Encrypts a secret value (a national identity number) with AES-256-GCM before it is stored or put on
 * the bus. Form: {@code v<keyVersion>.<base64url(12-byte IV ‖ ciphertext ‖ tag)>}; the associated data
 * binds the value to its tenant and person, so a sealed value copied to someone else does not open.
 */
public final class SecretSealer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final CurrentKey keyBytes;
    private final int version;

    /** @param key 32 bytes (the landing encryption key) */
    public SecretSealer(byte[] key, int version) {
        this(CurrentKey.constant(Objects.requireNonNull(key, "key")), version);
    }

    /**
     * @param key the current 32-byte key, asked on every use; it should hand out the same array until the key
     *            changes. A new key only opens what it sealed: rotating needs a new {@code version} (docs/deploy.md).
     */
    public SecretSealer(Supplier<byte[]> key, int version) {
        this.keyBytes = new CurrentKey(key, "AES", length -> length == 32, "the encryption key must be 32 bytes (AES-256)");
        this.version = version;
        key();
    }

    private SecretKeySpec key() {
        return keyBytes.get();
    }

    public String seal(String plain, String context) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v" + version + "." + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException if it was sealed with another key or context, or altered */
    public String open(String sealed, String context) {
        int dot = sealed.indexOf('.');
        if (dot < 0 || !sealed.substring(0, dot).equals("v" + version)) {
            throw new IllegalArgumentException("not sealed with key version " + version);
        }
        byte[] bytes = DECODER.decode(sealed.substring(dot + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this key and context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
