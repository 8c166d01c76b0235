package no.dialog.core.secret;

import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key made from a secret that may be rotated while a function runs: the supplier is asked on every use
 * and hands out the same array until the value changes (the Secrets Manager reader's contract), so the key
 * is rebuilt only when a new value arrives. A value of the wrong length is refused with {@code problem},
 * which names the secret and never shows it.
 */
public final class CurrentKey {

    private final Supplier<byte[]> secret;
    private final String algorithm;
    private final IntPredicate validLength;
    private final String problem;
    private volatile Made current;

    /** The key made from one value, kept until the supplier hands out another array. */
    private record Made(byte[] source, SecretKeySpec key) {}

    /**
     * @param algorithm   the {@link SecretKeySpec} algorithm ({@code HmacSHA256}, {@code AES})
     * @param validLength which lengths in bytes the value may have
     * @param problem     the message when it has another ("the webhook key must be at least 32 bytes")
     */
    public CurrentKey(Supplier<byte[]> secret, String algorithm, IntPredicate validLength, String problem) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.validLength = Objects.requireNonNull(validLength, "validLength");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A secret that never changes (tests, tools): a copy of {@code value}. */
    public static Supplier<byte[]> constant(byte[] value) {
        byte[] copy = Objects.requireNonNull(value, "value").clone();
        return () -> copy;
    }

    /** The key of the current value; throws {@link IllegalArgumentException} with the problem for a wrong one. */
    public SecretKeySpec get() {
        byte[] value = secret.get();
        Made known = current;
        if (known == null || known.source() != value) {
            if (value == null || !validLength.test(value.length)) {
                throw new IllegalArgumentException(problem);
            }
            known = new Made(value, new SecretKeySpec(value.clone(), algorithm));
            current = known;
        }
        return known.key();
    }
}
