package no.dialog.aws.snapstart;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * SecureRandoms that are re-seeded after a SnapStart restore. A SecureRandom created at init is in the snapshot,
 * and every execution environment restored from it would start from the same state: ids and tokens could repeat
 * across environments. Classes that hold one in a field take it from {@link #secureRandom()}; the restore hook
 * mixes fresh entropy from the operating system into each ({@link SecureRandom#setSeed(byte[])} adds to the seed,
 * it never replaces it).
 */
public final class RestoreSafeRandom {

    private static final int SEED_BYTES = 32;
    private static final Set<SecureRandom> ISSUED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private RestoreSafeRandom() {}

    /** A new SecureRandom that {@link #reseedAll()} re-seeds. */
    public static SecureRandom secureRandom() {
        return register(new SecureRandom());
    }

    /** Registers one made elsewhere (tests pass their own). */
    public static <R extends SecureRandom> R register(R random) {
        ISSUED.add(random);
        return random;
    }

    /** Mixes fresh operating-system entropy into every SecureRandom issued here. */
    public static void reseedAll() {
        SecureRandom entropy = freshEntropy();
        synchronized (ISSUED) {
            for (SecureRandom random : ISSUED) {
                byte[] seed = new byte[SEED_BYTES];
                entropy.nextBytes(seed);
                random.setSeed(seed);
            }
        }
    }

    /** Read from the OS now (/dev/urandom on Linux), not from a generator whose state a snapshot holds. */
    private static SecureRandom freshEntropy() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(SecureRandom.getSeed(SEED_BYTES));
        }
    }
}
