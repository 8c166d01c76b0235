package no.dialog.local.clock;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import no.dialog.core.time.OsloTime;

/**
 * Tests of the local stack run on real time, and SMS outside quiet hours (default 08:00–21:00 Oslo time)
 * wait for the morning. A test that expects an SMS to arrive moves the stack's clock into the day first,
 * so it passes whatever the hour it runs at.
 */
public final class Daytime {

    private static final LocalTime EARLIEST = LocalTime.of(9, 0);
    private static final LocalTime LATEST = LocalTime.of(18, 0);

    private Daytime() {}

    /**
     * Leaves the clock alone between 09:00 and 18:00 Oslo time, else moves it on to the next noon: the margin
     * keeps sends a week later inside the window too, across a daylight-saving change and minutes of test run.
     */
    public static void moveIntoDaytime(LocalClock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(OsloTime.ZONE));
        LocalTime time = now.toLocalTime();
        if (!time.isBefore(EARLIEST) && time.isBefore(LATEST)) {
            return;
        }
        ZonedDateTime noon = now.toLocalDate().plusDays(time.isBefore(EARLIEST) ? 0 : 1).atTime(12, 0)
                .atZone(OsloTime.ZONE);
        clock.advance(Duration.between(now, noon));
    }
}
