package no.dialog.core.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dialog's rules are Norwegian: "today", calling hours and quiet hours are in Europe/Oslo.
 *
 * <p>Core never calls {@code Instant.now()} or {@code LocalDate.now()} without a clock: every
 * function receives a {@link Clock} (in the local stack one that can be moved forward), so waits,
 * schedules and send windows can be tested and demonstrated without waiting a week.
 */
public final class OsloTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private OsloTime() {}

    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
