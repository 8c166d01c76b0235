package no.dialog.core.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import no.dialog.core.time.OsloTime;

/**
 * When a consumer may be called with marketing (markedsføringsloven § 14): Monday to Friday from 09:00 to
 * 21:00 Norwegian time, never on a Saturday, a Sunday or a public holiday ({@link NorwegianHolidays}). The
 * window is the law's, the same for every organisation, so it is not a tenant setting.
 *
 * <p>The window is half-open: a call may start at 09:00:00 and must have started before 21:00:00.
 * Neither bound falls in a daylight-saving gap or overlap (those are at 02:00–03:00), so the local
 * times map to exactly one instant on every day.
 */
public final class TelemarketingWindow {

    /** The earliest local time a call may start. */
    public static final LocalTime OPENS = LocalTime.of(9, 0);
    /** Calls must have started before this local time. */
    public static final LocalTime CLOSES = LocalTime.of(21, 0);

    private TelemarketingWindow() {}

    /** @return whether a marketing call may be made at {@code now} */
    public static boolean isOpen(Instant now) {
        ZonedDateTime local = now.atZone(OsloTime.ZONE);
        LocalTime time = local.toLocalTime();
        return isCallingDay(local.toLocalDate()) && !time.isBefore(OPENS) && time.isBefore(CLOSES);
    }

    /** @return whether {@code date} is a weekday that is not a public holiday */
    public static boolean isCallingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !NorwegianHolidays.isHoliday(date);
    }

    /**
     * @return {@code now} if the window is open, otherwise the instant it next opens (09:00 Oslo time on the
     *         next calling day)
     */
    public static Instant nextOpening(Instant now) {
        Objects.requireNonNull(now, "now");
        if (isOpen(now)) {
            return now;
        }
        ZonedDateTime local = now.atZone(OsloTime.ZONE);
        LocalDate day = local.toLocalTime().isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // The longest run of closed days is Easter (Maundy Thursday to Easter Monday: five days) or Christmas
        // around a weekend; a fortnight bounds the search with room to spare.
        for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
            if (isCallingDay(day)) {
                return day.atTime(OPENS).atZone(OsloTime.ZONE).toInstant();
            }
        }
        throw new IllegalStateException("no calling day within two weeks of " + local.toLocalDate());
    }
}
