package no.dialog.local.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}, with AWS's rules:
 * six fields, the year included; exactly one of day-of-month and day-of-week is {@code ?};
 * day-of-week counts from 1 = Sunday; {@code L}, {@code W}, {@code #}, ranges, lists,
 * increments and names ({@code MON-FRI}, {@code JAN}) are allowed where AWS allows them (see
 * {@link AwsCronDefinition}). Evaluated in the schedule's time zone, UTC by default.
 *
 * <p>Parsing and evaluation are done by cron-utils with an AWS-shaped definition.
 */
public final class CronExpression implements ScheduleExpression {

    private static final String EXAMPLE = "e.g. cron(0 9 ? * MON-FRI *) or cron(0 12 L * ? *)";
    private static final Pattern NTH_WEEKDAY = Pattern.compile("#(\\d+)");
    private static final CronParser PARSER = new CronParser(AwsCronDefinition.INSTANCE);

    private final String fields;
    private final ZoneId timezone;
    private final ExecutionTime executionTime;

    private CronExpression(String fields, ZoneId timezone, ExecutionTime executionTime) {
        this.fields = fields;
        this.timezone = timezone;
        this.executionTime = executionTime;
    }

    static CronExpression parse(String expression, ZoneId timezone) {
        if (!expression.endsWith(")")) {
            throw new InvalidScheduleExpressionException(expression, "a cron expression ends with ')'; " + EXAMPLE);
        }
        String inside = expression.substring("cron(".length(), expression.length() - 1).trim();
        String[] parts = inside.split("\\s+");
        if (inside.isEmpty() || parts.length != 6) {
            throw new InvalidScheduleExpressionException(expression, "AWS cron has six fields (minutes hours "
                    + "day-of-month month day-of-week year), this has " + (inside.isEmpty() ? 0 : parts.length) + "; " + EXAMPLE);
        }
        boolean dayOfMonthOpen = parts[2].equals("?");
        boolean dayOfWeekOpen = parts[4].equals("?");
        if (dayOfMonthOpen == dayOfWeekOpen) {
            throw new InvalidScheduleExpressionException(expression, "exactly one of day-of-month (3rd field) and "
                    + "day-of-week (5th field) must be '?', as AWS requires; " + EXAMPLE);
        }
        Matcher nth = NTH_WEEKDAY.matcher(parts[4]);
        while (nth.find()) {
            int n = Integer.parseInt(nth.group(1));
            if (n < 1 || n > 5) {
                throw new InvalidScheduleExpressionException(expression, "'#" + n + "' asks for a weekday that no month has "
                        + "(a month has at most five of each); use #1 to #5, e.g. cron(0 10 ? * MON#2 *)");
            }
        }
        // Names such as mon-fri or jan are read in any case, as AWS does.
        String normalised = String.join(" ", parts).toUpperCase(Locale.ROOT);
        Cron cron;
        try {
            cron = PARSER.parse(normalised).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleExpressionException(expression, cronUtilsReason(e) + "; " + EXAMPLE, e);
        }
        return new CronExpression(normalised, timezone, ExecutionTime.forCron(cron));
    }

    private static String cronUtilsReason(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "it is not a valid cron expression" : e.getMessage();
        // cron-utils repeats the whole expression in its message; keep just the reason.
        int reasonStart = message.lastIndexOf(". ");
        return reasonStart > 0 && reasonStart + 2 < message.length() ? message.substring(reasonStart + 2) : message;
    }

    /** The zone the fields are read in. */
    public ZoneId timezone() {
        return timezone;
    }

    @Override
    public String expression() {
        return "cron(" + fields + ")";
    }

    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return executionTime.nextExecution(after.withZoneSameInstant(timezone));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression that && that.fields.equals(fields) && that.timezone.equals(timezone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, timezone);
    }

    @Override
    public String toString() {
        return expression() + " in " + timezone;
    }
}
