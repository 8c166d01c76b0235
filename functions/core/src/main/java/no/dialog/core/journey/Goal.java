package no.dialog.core.journey;

import java.time.Duration;
import java.util.Objects;

/**
 * What the journey is for: a matching signal within {@code window} of enrolment ("answered within
 * 14 days", "a gift within 30 days"). When {@code exitOnGoal} is true, reaching it ends the person's
 * journey wherever they are.
 */
public record Goal(SignalMatch signal, Duration window, boolean exitOnGoal) {

    public Goal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(window, "window");
    }
}
