package no.dialog.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** A Friday, 10:00 UTC. */
    private static final ZonedDateTime FRIDAY_MORNING = ZonedDateTime.parse("2026-01-02T10:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "rate(1 minute),  PT1M",
            "rate(5 minutes), PT5M",
            "rate(1 hour),    PT1H",
            "rate(12 hours),  PT12H",
            "rate(1 day),     P1D",
            "rate(2 days),    P2D",
    })
    void readsRates(String text, Duration interval) {
        ScheduleExpression expression = ScheduleExpression.parse(text);

        assertThat(expression).isInstanceOf(RateExpression.class);
        assertThat(((RateExpression) expression).interval()).isEqualTo(interval);
        assertThat(expression.expression()).isEqualTo(text);
        assertThat(expression.next(FRIDAY_MORNING)).contains(FRIDAY_MORNING.plus(interval));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rate(1 minutes)   | singular unit for a value of 1: rate(1 minute)",
            "rate(5 minute)    | plural unit for a value above 1: rate(5 minutes)",
            "rate(0 minutes)   | at least 1",
            "rate(-1 minutes)  | positive whole number",
            "rate(five minutes)| positive whole number",
            "rate(1.5 hours)   | positive whole number",
            "rate(2 weeks)     | minute(s), hour(s) or day(s)",
            "rate(5minutes)    | write rate(value unit)",
            "rate()            | write rate(value unit)",
    })
    void explainsBadRates(String text, String explanation) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessageStartingWith("Invalid schedule expression '" + text + "'")
                .hasMessageContaining(explanation);
    }

    @Test
    void weekdayMorningsSkipTheWeekend() {
        ScheduleExpression weekdays = ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)");

        assertThat(nextTimes(weekdays, FRIDAY_MORNING, 3)).containsExactly(
                ZonedDateTime.parse("2026-01-05T09:00:00Z"), // Monday
                ZonedDateTime.parse("2026-01-06T09:00:00Z"),
                ZonedDateTime.parse("2026-01-07T09:00:00Z"));
        assertThat(weekdays.next(ZonedDateTime.parse("2026-01-02T08:59:00Z")))
                .contains(ZonedDateTime.parse("2026-01-02T09:00:00Z"));
    }

    @Test
    void lastDayOfTheMonthAtNoon() {
        ScheduleExpression lastDay = ScheduleExpression.parse("cron(0 12 L * ? *)");

        assertThat(nextTimes(lastDay, ZonedDateTime.parse("2028-01-31T12:00:00Z"), 3)).containsExactly(
                ZonedDateTime.parse("2028-02-29T12:00:00Z"), // a leap year
                ZonedDateTime.parse("2028-03-31T12:00:00Z"),
                ZonedDateTime.parse("2028-04-30T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cron(0 10 ? * 6L *)          | 2026-01-30T10:00:00Z", // last Friday of the month
            "cron(0 10 ? * MON#2 *)       | 2026-01-12T10:00:00Z", // second Monday
            "cron(0 10 ? * 2#1 *)         | 2026-01-05T10:00:00Z", // first Monday, by number (1 = Sunday)
            "cron(0 8 15W * ? *)          | 2026-01-15T08:00:00Z", // weekday nearest the 15th
            "cron(0 8 LW * ? *)           | 2026-01-30T08:00:00Z", // last weekday of the month
            "cron(0/15 * * * ? *)         | 2026-01-02T10:15:00Z", // every quarter hour
            "cron(5,35 14 ? * WED *)      | 2026-01-07T14:05:00Z", // a list
            "cron(0 8-17/3 ? * SAT *)     | 2026-01-03T08:00:00Z", // a range with an increment
            "cron(0 0 1 JAN,JUL ? *)      | 2026-07-01T00:00:00Z", // month names
            "cron(0 18 ? * 1 *)           | 2026-01-04T18:00:00Z", // 1 is Sunday in AWS
            "cron(0 9 ? * mon-fri *)      | 2026-01-05T09:00:00Z", // names in lower case
            "cron(0 0 1 1 ? 2027)         | 2027-01-01T00:00:00Z", // a year
    })
    void readsAwsCronSyntax(String text, ZonedDateTime expectedNext) {
        assertThat(ScheduleExpression.parse(text).next(FRIDAY_MORNING)).contains(expectedNext);
    }

    @Test
    void readsCronInTheScheduleTimezone() {
        ScheduleExpression osloMornings = ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)", OSLO);

        // 09:00 in Oslo is 08:00 UTC in winter and 07:00 UTC in summer.
        assertThat(osloMornings.next(FRIDAY_MORNING).map(ZonedDateTime::toInstant))
                .contains(ZonedDateTime.parse("2026-01-05T08:00:00Z").toInstant());
        assertThat(osloMornings.next(ZonedDateTime.parse("2026-06-05T10:00:00Z")).map(ZonedDateTime::toInstant))
                .contains(ZonedDateTime.parse("2026-06-08T07:00:00Z").toInstant());
        assertThat(osloMornings.next(FRIDAY_MORNING).orElseThrow().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void aCronForPastYearsHasNoNextTime() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2025)").next(FRIDAY_MORNING)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cron(0 9 * * ?)              | six fields",
            "cron(0 0 9 ? * MON-FRI *)    | six fields",
            "cron()                       | six fields",
            "cron(0 9 * * MON-FRI *)      | exactly one of day-of-month",
            "cron(0 9 ? * ? *)            | exactly one of day-of-month",
            "cron(0 9 1 * MON *)          | exactly one of day-of-month",
            "cron(0 24 ? * MON *)         | cron(0 9 ? * MON-FRI *)",
            "cron(60 9 ? * MON *)         | cron(0 9 ? * MON-FRI *)",
            "cron(0 9 32 * ? *)           | cron(0 9 ? * MON-FRI *)",
            "cron(0 9 ? * FUNDAY *)       | cron(0 9 ? * MON-FRI *)",
            "cron(0 9 ? * MON *         | ends with ')'",
            "cron(0 9 ? * MON#6 *)        | use #1 to #5",
    })
    void explainsBadCrons(String text, String explanation) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessageStartingWith("Invalid schedule expression '" + text + "'")
                .hasMessageContaining(explanation);
    }

    @Test
    void oneTimeSchedulesFireOnceInTheirTimezone() {
        ScheduleExpression once = ScheduleExpression.parse("at(2026-05-17T09:00:00)", OSLO);

        assertThat(once.expression()).isEqualTo("at(2026-05-17T09:00:00)");
        assertThat(once.next(FRIDAY_MORNING).map(ZonedDateTime::toInstant))
                .contains(ZonedDateTime.parse("2026-05-17T07:00:00Z").toInstant());
        assertThat(once.next(ZonedDateTime.parse("2026-05-17T07:00:00Z"))).isEmpty();
        assertThat(ScheduleExpression.parse("at(2026-05-17T09:00:00)").next(FRIDAY_MORNING).map(ZonedDateTime::toInstant))
                .contains(ZonedDateTime.parse("2026-05-17T09:00:00Z").toInstant());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "at(2026-02-30T09:00:00)  | no such date",
            "at(2026-05-17 09:00:00)  | at(yyyy-mm-ddThh:mm:ss)",
            "at(2026-05-17T09:00)     | at(yyyy-mm-ddThh:mm:ss)",
    })
    void explainsBadOneTimeSchedules(String text, String explanation) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessageContaining(explanation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "every 5 minutes", "0 9 ? * MON-FRI *", "RATE(5 minutes)"})
    void explainsWhatIsNoScheduleExpressionAtAll(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessageContaining("rate(5 minutes)");
    }

    @Test
    void cronExpressionsAreValues() {
        assertThat(ScheduleExpression.parse("cron(0 9 ? * mon *)"))
                .isEqualTo(ScheduleExpression.parse("cron(0 9 ? * MON *)"))
                .isNotEqualTo(ScheduleExpression.parse("cron(0 9 ? * MON *)", OSLO));
        assertThat(ScheduleExpression.parse("rate(5 minutes)")).isEqualTo(new RateExpression(5, ChronoUnit.MINUTES));
    }

    private static List<ZonedDateTime> nextTimes(ScheduleExpression expression, ZonedDateTime after, int count) {
        List<ZonedDateTime> times = new ArrayList<>();
        ZonedDateTime cursor = after;
        for (int i = 0; i < count; i++) {
            cursor = expression.next(cursor).orElseThrow();
            times.add(cursor.withZoneSameInstant(ZoneOffset.UTC));
        }
        return times;
    }
}
