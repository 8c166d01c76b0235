package no.dialog.local.schedule;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;

/**
 * EventBridge's cron dialect, described for cron-utils.
 *
 * <p>cron-utils has no built-in AWS type; its Quartz type is the nearest, but Quartz starts
 * with a seconds field and has an optional year, while AWS has six fields: minutes, hours,
 * day-of-month, month, day-of-week and a required year. The fields below follow the AWS
 * documentation ("Cron expressions reference"):
 * <pre>
 *   Minutes        0-59        , - * /
 *   Hours          0-23        , - * /
 *   Day-of-month   1-31        , - * ? / L W
 *   Month          1-12|JAN-DEC , - * /
 *   Day-of-week    1-7|SUN-SAT , - * ? L #     (1 = Sunday)
 *   Year           1970-2199   , - * /
 * </pre>
 * The rule that exactly one of day-of-month and day-of-week is {@code ?} is checked in
 * {@link CronExpression}, with a clearer message than cron-utils gives.
 */
final class AwsCronDefinition {

    static final CronDefinition INSTANCE = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark()
                .withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL().supportsQuestionMark()
                .withStrictRange().and()
            .withYear().withValidRange(1970, 2199).withStrictRange().and()
            .instance();

    private AwsCronDefinition() {
    }
}
