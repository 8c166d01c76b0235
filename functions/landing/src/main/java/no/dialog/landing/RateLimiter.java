package no.dialog.landing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests per key (an IP address, a link) in fixed one-minute windows, counted in this Lambda
 * instance only: a burst spread over many instances is limited per instance, not in total. That is
 * enough to stop a form being hammered through one instance; a WAF rate rule on the API is the
 * limit across instances.
 */
public final class RateLimiter {

    private final int limitPerMinute;
    private final Clock clock;
    private final Map<String, int[]> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;

    public RateLimiter(int limitPerMinute, Clock clock) {
        if (limitPerMinute < 1) {
            throw new IllegalArgumentException("a rate limit must be at least 1 per minute");
        }
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
    }

    /** Counts one request; false if the key has used its requests of this minute. */
    public synchronized boolean allow(String key) {
        long now = clock.millis() / 60_000;
        if (now != window) {
            // A new minute: forget the old one, so memory stays bounded by one minute's keys.
            counts.clear();
            window = now;
        }
        int[] count = counts.computeIfAbsent(key, k -> new int[1]);
        return ++count[0] <= limitPerMinute;
    }
}
