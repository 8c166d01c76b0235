package no.dialog.core.journey;

import java.time.Duration;

/** The canonical text of a duration in journey JSON: whole days as {@code P7D}, anything else as {@code PT5M}. */
final class Durations {

    private static final long SECONDS_PER_DAY = 86_400;

    private Durations() {}

    static String format(Duration duration) {
        if (!duration.isZero() && duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0) {
            return "P" + duration.toDays() + "D";
        }
        // Duration.toString never uses days, so "PT36H" is what staff read for a day and a half.
        return duration.toString();
    }
}
