package no.dialog.local.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: fires every {@code value} minutes, hours or days, counting from
 * when the schedule was created. As in AWS, the unit is singular for 1 ({@code rate(1 hour)})
 * and plural otherwise ({@code rate(2 hours)}).
 *
 * @param value how many units between fires, at least 1
 * @param unit  {@link ChronoUnit#MINUTES}, {@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}
 */
public record RateExpression(long value, ChronoUnit unit) implements ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\S+) (\\S+)\\)");
    private static final String EXAMPLES = "e.g. rate(1 minute), rate(5 minutes), rate(1 hour) or rate(2 days)";

    public RateExpression {
        if (value < 1) {
            throw new IllegalArgumentException("A rate needs a value of at least 1; got " + value);
        }
        if (unit != ChronoUnit.MINUTES && unit != ChronoUnit.HOURS && unit != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("A rate counts minutes, hours or days; got " + unit);
        }
    }

    static RateExpression parse(String expression) {
        Matcher matcher = RATE.matcher(expression);
        if (!matcher.matches()) {
            throw new InvalidScheduleExpressionException(expression, "write rate(value unit), " + EXAMPLES);
        }
        long value = parseValue(expression, matcher.group(1));
        String unitText = matcher.group(2);
        ChronoUnit unit = switch (unitText) {
            case "minute", "minutes" -> ChronoUnit.MINUTES;
            case "hour", "hours" -> ChronoUnit.HOURS;
            case "day", "days" -> ChronoUnit.DAYS;
            default -> throw new InvalidScheduleExpressionException(expression,
                    "the unit must be minute(s), hour(s) or day(s), not '" + unitText + "'; " + EXAMPLES);
        };
        boolean plural = unitText.endsWith("s");
        if (value == 1 && plural) {
            throw new InvalidScheduleExpressionException(expression, "AWS wants the singular unit for a value of 1: rate(1 "
                    + unitText.substring(0, unitText.length() - 1) + ")");
        }
        if (value > 1 && !plural) {
            throw new InvalidScheduleExpressionException(expression, "AWS wants the plural unit for a value above 1: rate("
                    + value + " " + unitText + "s)");
        }
        return new RateExpression(value, unit);
    }

    private static long parseValue(String expression, String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidScheduleExpressionException(expression, "the value must be a positive whole number, not '"
                    + text + "'; " + EXAMPLES);
        }
        long value = Long.parseLong(text);
        if (value < 1) {
            throw new InvalidScheduleExpressionException(expression, "the value must be at least 1; " + EXAMPLES);
        }
        return value;
    }

    /** The time between two fires. */
    public Duration interval() {
        return unit.getDuration().multipliedBy(value);
    }

    @Override
    public String expression() {
        String unitName = unit.name().toLowerCase(java.util.Locale.ROOT);
        return "rate(" + value + " " + (value == 1 ? unitName.substring(0, unitName.length() - 1) : unitName) + ")";
    }

    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return Optional.of(after.plus(interval()));
    }
}
