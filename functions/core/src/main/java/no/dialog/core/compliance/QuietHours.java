package no.dialog.core.compliance;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.core.time.OsloTime;

/**
 * The hours of the day an organisation sends SMS and chat messages in, every day of the week, Norwegian
 * time; outside them a message waits (it is not dropped). The law sets no hours for SMS; the default,
 * 08:00–21:00, is the common practice of Norwegian fundraisers.
 *
 * <p>Tenant setting {@value #SETTING}: the <em>allowed</em> window as {@code HH:mm-HH:mm} (24-hour clock,
 * e.g. {@code 09:00-20:00}), start before end, both within one day (so the latest end is {@code 23:59}).
 * A message may go from the start (inclusive) until the end (exclusive).
 *
 * @param from  the earliest local time a message may go
 * @param until messages must go before this local time
 */
public record QuietHours(LocalTime from, LocalTime until) {

    /** The tenant setting that holds the allowed window. */
    public static final String SETTING = "quietHours";
    /** 08:00–21:00, every day. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException(SETTING + ": the window must start before it ends (" + from + "-" + until + ")");
        }
    }

    /**
     * Reads the {@value #SETTING} setting.
     *
     * @throws IllegalArgumentException naming the setting, if the value is not {@code HH:mm-HH:mm} with valid
     *                                  times and the start before the end
     */
    public static QuietHours parse(String setting) {
        Objects.requireNonNull(setting, SETTING);
        Matcher m = FORMAT.matcher(setting);
        if (!m.matches()) {
            throw new IllegalArgumentException(SETTING + " must be HH:mm-HH:mm, e.g. 08:00-21:00, not '"
                    + shorten(setting) + "'");
        }
        try {
            return new QuietHours(time(m.group(1), m.group(2)), time(m.group(3), m.group(4)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(SETTING + " has a time that does not exist: '" + shorten(setting) + "'");
        }
    }

    /** @return whether a message may go at {@code now} */
    public boolean isAllowed(Instant now) {
        LocalTime time = now.atZone(OsloTime.ZONE).toLocalTime();
        return !time.isBefore(from) && time.isBefore(until);
    }

    /**
     * @return {@code now} if a message may go now, otherwise the next start of the window (today's if it is
     *         still ahead, else tomorrow's). A start inside a daylight-saving gap moves to just after the gap.
     */
    public Instant nextAllowed(Instant now) {
        if (isAllowed(now)) {
            return now;
        }
        ZonedDateTime local = now.atZone(OsloTime.ZONE);
        boolean laterToday = local.toLocalTime().isBefore(from);
        return ZonedDateTime.of(laterToday ? local.toLocalDate() : local.toLocalDate().plusDays(1), from, OsloTime.ZONE)
                .toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + until;
    }

    private static LocalTime time(String hours, String minutes) {
        return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
