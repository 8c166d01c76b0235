package no.dialog.core.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public key an organisation registers (setting {@value #SETTING}, {@code PUT /admin/v1/settings}
 * {@code register.publicKey}) so that Dialog can hand its member register a value that only the organisation can
 * open: a national identity number for the tax deduction ({@code TaxDeductionRequested}).
 *
 * <p>An RSA key of at least 3072 bits as PEM ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo, what
 * {@code openssl rsa -pubout} writes). {@link #encrypt} makes a JWE in compact form (RFC 7516) with
 * {@code alg = RSA-OAEP-256} and {@code enc = A256GCM}, which every JOSE library opens with the private key;
 * {@code kid} is the key's JWK thumbprint (RFC 7638), so the register knows which of its keys to use after a
 * change. Only the JDK is used.
 */
public final class RegisterPublicKey {

    /** The tenant setting that holds the PEM. */
    public static final String SETTING = "register.publicKey";
    public static final int MIN_BITS = 3072;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final int MAX_PEM = 4_000;

    private final RSAPublicKey key;
    private final String keyId;

    private RegisterPublicKey(RSAPublicKey key) {
        this.key = key;
        this.keyId = thumbprint(key);
    }

    /**
     * Reads a PEM public key.
     *
     * @throws IllegalArgumentException with a reason fit for a 400 (never echoing the input)
     */
    public static RegisterPublicKey parse(String pem) {
        if (pem == null || pem.length() > MAX_PEM) {
            throw new IllegalArgumentException("must be a PEM public key of at most " + MAX_PEM + " characters");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("must be a PEM public key (-----BEGIN PUBLIC KEY----- ... "
                    + "-----END PUBLIC KEY-----, as openssl rsa -pubout writes it)");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64");
        }
        try {
            if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey rsa)) {
                throw new IllegalArgumentException("must be an RSA public key");
            }
            if (rsa.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalArgumentException("must be an RSA key of at least " + MIN_BITS + " bits, was "
                        + rsa.getModulus().bitLength());
            }
            return new RegisterPublicKey(rsa);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("must be an RSA public key (SubjectPublicKeyInfo)");
        }
    }

    /** The key's JWK thumbprint (RFC 7638, SHA-256, base64url): the JWE's {@code kid}. */
    public String keyId() {
        return keyId;
    }

    /** {@code plain} as a compact JWE (RSA-OAEP-256, A256GCM) that only the holder of the private key opens. */
    public String encrypt(String plain) {
        Objects.requireNonNull(plain, "plain");
        byte[] cek = new byte[32];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(cek);
        RANDOM.nextBytes(iv);
        try {
            String header = B64URL.encodeToString(("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"" + keyId
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            byte[] encryptedKey = rsa.doFinal(cek);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            aes.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] out = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = Arrays.copyOf(out, out.length - 16);
            byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
            return header + "." + B64URL.encodeToString(encryptedKey) + "." + B64URL.encodeToString(iv) + "."
                    + B64URL.encodeToString(ciphertext) + "." + B64URL.encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP or AES-GCM is not available", e);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    private static String thumbprint(RSAPublicKey key) {
        String jwk = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }
}
