package no.dialog.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How people enter a journey. */
public sealed interface Trigger {

    /** Everyone in the segment at {@code startAt} (or at activation, if that is later) enters once. */
    record Campaign(String segmentId, Instant startAt) implements Trigger {
        public Campaign {
            Objects.requireNonNull(segmentId, "segmentId");
        }
    }

    /**
     * A person enters when a matching signal arrives (an org-system event such as {@code GiftReceived}).
     * {@code dedupAttribute} names the signal attribute that identifies the happening (a gift id), so
     * the same event delivered twice enrols once.
     */
    record OnSignal(SignalMatch match, String dedupAttribute) implements Trigger {
        public OnSignal {
            Objects.requireNonNull(match, "match");
        }
    }

    /** The segment is evaluated every {@code every}; people who newly match enter. */
    record Recurring(String segmentId, Duration every) implements Trigger {
        public Recurring {
            Objects.requireNonNull(segmentId, "segmentId");
            Objects.requireNonNull(every, "every");
        }
    }
}
