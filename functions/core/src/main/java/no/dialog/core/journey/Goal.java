package no.dialog.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the journey is for: a matching signal within {@code window} of enrolment ("answered within
 * 14 days", "a gift within 30 days"), and not before {@code from} ("a regular charge in the third month":
 * from P60D, window P90D, i.e. the agreement is still active after 90 days). When {@code exitOnGoal} is true,
 * reaching it ends the person's journey wherever they are.
 *
 * @param from how long after enrolment a signal starts to count; zero: at once
 */
public record Goal(SignalMatch signal, Duration from, Duration window, boolean exitOnGoal) {

    public Goal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(window, "window");
        from = from == null ? Duration.ZERO : from;
    }

    /** A goal that counts from the moment of enrolment. */
    public Goal(SignalMatch signal, Duration window, boolean exitOnGoal) {
        this(signal, Duration.ZERO, window, exitOnGoal);
    }

    /** Whether a signal at {@code at} is early for someone enrolled at {@code enrolledAt} (before {@link #from}). */
    public boolean tooEarly(Instant at, Instant enrolledAt) {
        return enrolledAt != null && at.isBefore(enrolledAt.plus(from));
    }
}
