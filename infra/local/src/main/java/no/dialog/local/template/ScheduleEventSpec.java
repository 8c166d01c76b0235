package no.dialog.local.template;

/**
 * A schedule that calls the function: SAM's {@code Schedule} (an EventBridge rule) or {@code ScheduleV2}
 * (EventBridge Scheduler, which also has a time zone).
 *
 * @param name       the key under {@code Events}
 * @param type       {@code Schedule} or {@code ScheduleV2}
 * @param expression {@code rate(...)}, {@code cron(...)} or {@code at(...)}
 * @param timezone   {@code ScheduleExpressionTimezone} (ScheduleV2 only), or {@code null} for UTC
 * @param inputJson  the fixed input, or {@code null} for the scheduler's own event
 * @param enabled    whether it is enabled
 */
public record ScheduleEventSpec(
        String name, String type, String expression, String timezone, String inputJson, boolean enabled)
        implements FunctionEventSpec {
}
