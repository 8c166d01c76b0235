package no.dialog.core.journey;

import static no.dialog.core.journey.JourneyFixtures.contact;
import static no.dialog.core.journey.JourneyFixtures.example;
import static no.dialog.core.journey.JourneyFixtures.parseOk;
import static no.dialog.core.journey.JourneyFixtures.version;
import static no.dialog.core.journey.JourneyFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Wait until weekday at time" in Europe/Oslo, including the two daylight-saving Sundays of 2026. */
class WaitUntilTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @ParameterizedTest(name = "{0}: from {1} until {2} {3} -> {4}")
    @CsvSource({
            // Summer time starts Sunday 29 March 2026 at 02:00 (UTC+1 -> UTC+2).
            "Monday after spring-forward keeps 10:00 wall time, 2026-03-28T11:00:00Z, MONDAY, 10:00, 2026-03-30T08:00:00Z",
            "Saturday before spring-forward still in winter time, 2026-03-27T12:00:00Z, SATURDAY, 10:00, 2026-03-28T09:00:00Z",
            "A time inside the gap moves forward by an hour, 2026-03-28T11:00:00Z, SUNDAY, 02:30, 2026-03-29T01:30:00Z",
            "Same day after the change, 2026-03-29T00:30:00Z, SUNDAY, 10:00, 2026-03-29T08:00:00Z",
            // Summer time ends Sunday 25 October 2026 at 03:00 (UTC+2 -> UTC+1).
            "Monday after fall-back keeps 10:00 wall time, 2026-10-24T10:00:00Z, MONDAY, 10:00, 2026-10-26T09:00:00Z",
            "A time that occurs twice is the first of the two, 2026-10-24T10:00:00Z, SUNDAY, 02:30, 2026-10-25T00:30:00Z",
            "Strictly after now: the first 02:30 just passed, 2026-10-25T00:30:00Z, SUNDAY, 02:30, 2026-11-01T01:30:00Z",
            // Ordinary days.
            "Later today, 2026-09-07T07:00:00Z, MONDAY, 10:00, 2026-09-07T08:00:00Z",
            "Exactly now is not after now, 2026-09-07T08:00:00Z, MONDAY, 10:00, 2026-09-14T08:00:00Z",
            "Oslo date not UTC date, 2026-09-06T22:30:00Z, MONDAY, 00:15, 2026-09-13T22:15:00Z",
    })
    void nextAfterOneDay(String name, Instant now, DayOfWeek day, LocalTime time, Instant expected) {
        assertThat(WaitTimes.nextAfter(Set.of(day), time, now)).isEqualTo(expected);
    }

    @Test
    void weekdaysSkipTheWeekend() {
        Instant fridayEvening = Instant.parse("2026-09-11T16:00:00Z");

        assertThat(WaitTimes.nextAfter(WEEKDAYS, LocalTime.of(10, 0), fridayEvening))
                .isEqualTo(Instant.parse("2026-09-14T08:00:00Z"));
    }

    @Test
    void noDaysIsRefused() {
        assertThatThrownBy(() -> WaitTimes.nextAfter(Set.of(), LocalTime.NOON, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEngineParksTheEnrolmentUntilThatMoment() {
        JourneyVersion version = version(parseOk(with(example(), "/steps/3",
                "{\"id\":\"wait-again\",\"type\":\"waitUntil\",\"days\":[\"MONDAY\"],\"time\":\"10:00\",\"next\":\"done\"}")));
        JourneyEngine engine = new JourneyEngine();
        Instant enrolled = Instant.parse("2026-03-21T11:00:00Z"); // Saturday, winter time
        Enrolment waiting = engine.advance(version, engine.enrol(version, "e-1", "c-1", enrolled).next(),
                contact("c-1"), enrolled).next();

        // The answer timeout (7 days) ends on Saturday 28 March, the day before summer time starts.
        Enrolment untilMonday = engine.advance(version, waiting, contact("c-1"), waiting.dueAt()).next();

        assertThat(untilMonday.stepId()).isEqualTo("wait-again");
        assertThat(untilMonday.dueAt()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }
}
