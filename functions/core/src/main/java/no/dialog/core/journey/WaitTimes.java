package no.dialog.core.journey;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import no.dialog.core.time.OsloTime;

/**
 * When a "wait until weekday and time" ends, in Europe/Oslo. Across daylight-saving changes the wall
 * clock wins: "Monday 10:00" is 10:00 in Oslo whether that is 08:00 or 09:00 UTC. A time that does not
 * exist (02:30 on the last Sunday of March) moves forward by the gap (03:30); a time that occurs twice
 * (02:30 on the last Sunday of October) is the first of the two.
 */
final class WaitTimes {

    private WaitTimes() {}

    /** The first moment on one of {@code days} at {@code time} that is strictly after {@code now}. */
    static Instant nextAfter(Set<DayOfWeek> days, LocalTime time, Instant now) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a waitUntil step needs at least one day");
        }
        LocalDate today = LocalDate.ofInstant(now, OsloTime.ZONE);
        // Eight days: today's time may already have passed, and then the same weekday comes next week.
        for (int i = 0; i <= 7; i++) {
            LocalDate date = today.plusDays(i);
            if (days.contains(date.getDayOfWeek())) {
                Instant candidate = ZonedDateTime.of(date, time, OsloTime.ZONE).toInstant();
                if (candidate.isAfter(now)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no matching day within a week");
    }
}
