package no.dialog.core.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Picks one of several weighted options the same way every time for the same key (contact and step),
 * on every machine and Java version: SHA-256 of the key, not {@code String.hashCode} or a random seed.
 * A person who is shown variant B today is shown B again after a retry or a loop.
 */
final class StablePick {

    private StablePick() {}

    /** The index of the chosen option; weights below 1 never win (validation refuses them anyway). */
    static int pick(String key, List<Integer> weights) {
        long total = 0;
        for (int weight : weights) {
            total += Math.max(weight, 0);
        }
        if (total == 0) {
            return 0;
        }
        long bucket = Long.remainderUnsigned(hash(key), total);
        for (int i = 0; i < weights.size(); i++) {
            bucket -= Math.max(weights.get(i), 0);
            if (bucket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("bucket beyond the total weight");
    }

    private static long hash(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
