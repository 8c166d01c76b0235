package no.dialog.core.enrolment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * At most {@code limit} messages per person on one channel within {@code window}, across all journeys
 * of a tenant. A capped send is recorded as capped and the person moves on, as staff expect from
 * journey tools: the journey does not stall waiting for room.
 */
public record FrequencyCap(int limit, Duration window) {

    /** Default for every channel until a tenant configures its own: 3 messages per 7 days. */
    public static final FrequencyCap DEFAULT = new FrequencyCap(3, Duration.ofDays(7));

    public FrequencyCap {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("a frequency cap allows at least one message");
        }
    }

    /** Whether one more send fits, given the times of earlier sends on the channel. */
    public boolean allows(Collection<Instant> earlierSends, Instant now) {
        Instant from = now.minus(window);
        long inWindow = earlierSends.stream().filter(t -> t.isAfter(from) && !t.isAfter(now)).count();
        return inWindow < limit;
    }

    /** Whether a send at {@code at} still counts at {@code now}, so older ones can be forgotten. */
    public boolean stillCounts(Instant at, Instant now) {
        return at.isAfter(now.minus(window));
    }
}
