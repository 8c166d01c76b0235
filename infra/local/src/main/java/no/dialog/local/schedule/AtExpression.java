package no.dialog.local.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: a one-time schedule (EventBridge Scheduler), read in the
 * schedule's time zone.
 *
 * @param time     the local date and time it fires
 * @param timezone the zone {@code time} is read in
 */
public record AtExpression(LocalDateTime time, ZoneId timezone) implements ScheduleExpression {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    static AtExpression parse(String expression, ZoneId timezone) {
        Matcher matcher = AT.matcher(expression);
        if (!matcher.matches()) {
            throw new InvalidScheduleExpressionException(expression,
                    "write at(yyyy-mm-ddThh:mm:ss), e.g. at(2026-05-17T09:00:00)");
        }
        try {
            return new AtExpression(LocalDateTime.parse(matcher.group(1)), timezone);
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleExpressionException(expression, "there is no such date or time", e);
        }
    }

    /** The moment it fires. */
    public ZonedDateTime fireTime() {
        return time.atZone(timezone);
    }

    @Override
    public String expression() {
        return "at(" + WRITTEN.format(time) + ")";
    }

    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime fireTime = fireTime();
        return fireTime.isAfter(after) ? Optional.of(fireTime) : Optional.empty();
    }
}
