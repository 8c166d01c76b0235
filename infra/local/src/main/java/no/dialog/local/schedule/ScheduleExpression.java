package no.dialog.local.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a schedule fires, written as EventBridge writes it:
 * <ul>
 *   <li>{@code rate(5 minutes)}, {@code rate(1 hour)}, {@code rate(2 days)}: every so often
 *       ({@link RateExpression});</li>
 *   <li>{@code cron(0 9 ? * MON-FRI *)}: AWS's six-field cron ({@link CronExpression});</li>
 *   <li>{@code at(2026-05-17T09:00:00)}: once, EventBridge Scheduler only ({@link AtExpression}).</li>
 * </ul>
 * Cron and at expressions are read in a time zone: UTC unless one is given, as with
 * EventBridge rules (always UTC) and Scheduler's {@code ScheduleExpressionTimezone}.
 *
 * <pre>{@code
 * ScheduleExpression weekdays = ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)", ZoneId.of("Europe/Oslo"));
 * Optional<ZonedDateTime> next = weekdays.next(ZonedDateTime.now(clock));
 * }</pre>
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /** Parses an expression read in UTC. */
    static ScheduleExpression parse(String expression) {
        return parse(expression, ZoneOffset.UTC);
    }

    /**
     * Parses an expression; cron and at expressions are read in {@code timezone}.
     *
     * @throws InvalidScheduleExpressionException if EventBridge would refuse it
     */
    static ScheduleExpression parse(String expression, ZoneId timezone) {
        Objects.requireNonNull(timezone, "timezone");
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleExpressionException(String.valueOf(expression),
                    "it is empty; use rate(5 minutes), cron(0 9 ? * MON-FRI *) or at(2026-05-17T09:00:00)");
        }
        String trimmed = expression.trim();
        if (trimmed.startsWith("rate(")) {
            return RateExpression.parse(trimmed);
        }
        if (trimmed.startsWith("cron(")) {
            return CronExpression.parse(trimmed, timezone);
        }
        if (trimmed.startsWith("at(")) {
            return AtExpression.parse(trimmed, timezone);
        }
        throw new InvalidScheduleExpressionException(expression,
                "it must start with rate(, cron( or at(, e.g. rate(5 minutes), cron(0 9 ? * MON-FRI *) or at(2026-05-17T09:00:00)");
    }

    /** The expression as EventBridge would show it, e.g. {@code rate(5 minutes)}. */
    String expression();

    /**
     * The first time strictly after {@code after} that this expression names, or empty if
     * there is none (an {@code at} in the past, a cron limited to past years). For a rate,
     * that is {@code after} plus the interval: rates count from a starting point, not from
     * the wall clock.
     */
    Optional<ZonedDateTime> next(ZonedDateTime after);
}
