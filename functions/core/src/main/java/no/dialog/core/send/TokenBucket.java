package no.dialog.core.send;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A rate limit in one process: permits refill at {@code perSecond}, up to {@code burst} saved. A caller
 * that asks for more than there are reserves them anyway and waits until they have refilled, so callers
 * queue up in order and nothing is dropped; over any stretch of time {@code T} at most
 * {@code burst + perSecond × T} permits are handed out.
 *
 * <p>Used for a provider account's messages per second ({@link RateLimitedSmsGateway}). Thread-safe; the
 * time source and the wait are given so tests run on a fake clock.
 */
public final class TokenBucket {

    /** How a caller waits; {@code Thread::sleep} in production, a fake clock's advance in tests. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    /**
     * @param perSecond permits per second, above 0
     * @param burst     permits that may be saved up (and taken at once), at least 1
     * @param nanoTime  a monotonic time source in nanoseconds
     */
    public TokenBucket(double perSecond, double burst, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate limit needs more than 0 permits per second, was " + perSecond);
        }
        if (!(burst >= 1)) {
            throw new IllegalArgumentException("a rate limit's burst must be at least 1, was " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** {@code perSecond} permits a second, one second's worth saved, on the system's time. */
    public static TokenBucket perSecond(double perSecond) {
        return new TokenBucket(perSecond, Math.max(1, perSecond), System::nanoTime,
                duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000)));
    }

    public double perSecond() {
        return perSecond;
    }

    /**
     * Takes {@code permits}, waiting until they are there unless that would be longer than {@code maxWait}.
     *
     * @return true when taken (after any wait); false when the wait would exceed {@code maxWait}: then
     *         nothing was taken and the caller should try again later
     * @throws InterruptedException while waiting; the permits stay taken
     */
    public boolean acquire(int permits, Duration maxWait) throws InterruptedException {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        long waitNanos;
        synchronized (this) {
            refill();
            double after = tokens - permits;
            waitNanos = after >= 0 ? 0 : (long) Math.ceil(-after / perSecond * NANOS_PER_SECOND);
            if (waitNanos > maxWait.toNanos()) {
                return false;
            }
            tokens = after;
        }
        if (waitNanos > 0) {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
        return true;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
        refilledAt = now;
    }
}
