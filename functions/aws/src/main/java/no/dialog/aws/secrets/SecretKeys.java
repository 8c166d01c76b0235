package no.dialog.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The format of Dialog's own keys in Secrets Manager (docs/deploy.md, "Secrets"): a JSON object
 * {@code {"format":"text","key":"..."}}, as the template's {@code GenerateSecretString} makes it (64 letters and
 * digits, about 380 random bits), whose key bytes are the UTF-8 bytes of {@code key}; or
 * {@code {"format":"base64","key":"..."}}, set by an operator to keep a key from before (links already sent),
 * whose bytes are the base64-decoded {@code key}.
 */
public final class SecretKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretKeys() {
    }

    /** The key's bytes; at least {@code minimumBytes} of them. */
    public static byte[] bytes(String secretString, int minimumBytes) {
        return parse(secretString, minimumBytes).bytes();
    }

    private record Key(boolean base64, byte[] bytes) {
    }

    private static Key parse(String secretString, int minimumBytes) {
        JsonNode value;
        try {
            value = JSON.readTree(secretString);
        } catch (IOException e) {
            throw new IllegalArgumentException("the key secret is not JSON {\"format\":...,\"key\":...}");
        }
        String format = value == null ? "" : value.path("format").asText("");
        String key = value == null ? "" : value.path("key").asText("");
        byte[] bytes = switch (format) {
            case "text" -> key.getBytes(StandardCharsets.UTF_8);
            case "base64" -> {
                try {
                    yield Base64.getDecoder().decode(key.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the key secret's key is not base64");
                }
            }
            default -> throw new IllegalArgumentException("the key secret's format must be text or base64");
        };
        if (bytes.length < minimumBytes) {
            throw new IllegalArgumentException("the key secret's key must be at least " + minimumBytes + " bytes");
        }
        return new Key(format.equals("base64"), bytes);
    }

    /**
     * An AES-256 key: a base64 key must be exactly 32 bytes; a text key (any length of at least 32 bytes) is hashed
     * to 32 bytes with SHA-256, which keeps its entropy up to 256 bits.
     */
    public static byte[] aes256(String secretString) {
        Key key = parse(secretString, 32);
        byte[] bytes = key.bytes();
        if (key.base64()) {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("a base64 encryption key must be exactly 32 bytes");
            }
            return bytes;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
