package no.dialog.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The member register's side, for tests: an RSA key pair as an organisation would make it, its public key as PEM,
 * and opening a compact JWE (RSA-OAEP-256, A256GCM) as a JOSE library does, written from RFC 7516 and RFC 7518.
 */
public final class RegisterKeyPair {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair pair;

    private RegisterKeyPair(KeyPair pair) {
        this.pair = pair;
    }

    /** One 3072-bit pair for the whole test run (making one takes a moment). */
    public static RegisterKeyPair shared() {
        return Shared.PAIR;
    }

    private static final class Shared {
        static final RegisterKeyPair PAIR = generate(3072);
    }

    public static RegisterKeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new RegisterKeyPair(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code openssl rsa -pubout} writes. */
    public String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    /** The JWE's protected header. */
    public static JsonNode header(String jwe) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwe.split("\\.")[0]));
    }

    /** Opens a compact JWE with this pair's private key; throws if it was made for another key or altered. */
    public String open(String jwe) throws Exception {
        String[] parts = jwe.split("\\.", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("a compact JWE has five parts");
        }
        JsonNode header = header(jwe);
        if (!"RSA-OAEP-256".equals(header.path("alg").asText()) || !"A256GCM".equals(header.path("enc").asText())) {
            throw new IllegalArgumentException("unexpected alg/enc " + header);
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.DECRYPT_MODE, pair.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] cek = rsa.doFinal(d.decode(parts[1]));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, d.decode(parts[2])));
        aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = d.decode(parts[3]);
        byte[] tag = d.decode(parts[4]);
        byte[] both = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, both, 0, ciphertext.length);
        System.arraycopy(tag, 0, both, ciphertext.length, tag.length);
        return new String(aes.doFinal(both), StandardCharsets.UTF_8);
    }
}
