package no.dialog.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietHoursTest {

    private static Instant oslo(LocalDateTime local) {
        return local.atZone(OsloTime.ZONE).toInstant();
    }

    @ParameterizedTest(name = "{0} in {1}: allowed {2}, next {3}")
    @CsvSource({
            "2026-11-23T08:00,    08:00-21:00, true,  2026-11-23T08:00",
            "2026-11-23T07:59:59, 08:00-21:00, false, 2026-11-23T08:00",
            "2026-11-23T20:59:59, 08:00-21:00, true,  2026-11-23T20:59:59",
            "2026-11-23T21:00,    08:00-21:00, false, 2026-11-24T08:00",
            "2026-11-23T22:00,    08:00-21:00, false, 2026-11-24T08:00",
            "2026-11-28T12:00,    08:00-21:00, true,  2026-11-28T12:00",
            "2026-12-25T12:00,    08:00-21:00, true,  2026-12-25T12:00",
            "2026-11-23T09:30,    10:00-18:30, false, 2026-11-23T10:00",
            "2026-11-23T18:30,    10:00-18:30, false, 2026-11-24T10:00",
            "2026-03-28T23:00,    08:00-21:00, false, 2026-03-29T08:00",
            "2026-10-24T23:30,    08:00-21:00, false, 2026-10-25T08:00",
            "2026-12-31T23:59,    08:00-21:00, false, 2027-01-01T08:00"})
    void messagesGoInsideTheWindowEveryDayAndOtherwiseWaitForItsNextStart(LocalDateTime at, String setting,
                                                                       boolean allowed, LocalDateTime next) {
        QuietHours hours = QuietHours.parse(setting);

        assertThat(hours.isAllowed(oslo(at))).isEqualTo(allowed);
        assertThat(hours.nextAllowed(oslo(at))).isEqualTo(oslo(next));
    }

    @Test
    void aSmsAtTenInTheEveningWaitsUntilEightInTheMorningAcrossTheClockChange() {
        // 22:00 on Saturday 28 March 2026 (UTC+1) → 08:00 on Sunday 29 March (UTC+2).
        assertThat(QuietHours.DEFAULT.nextAllowed(Instant.parse("2026-03-28T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void aStartInTheSpringGapMovesToJustAfterIt() {
        QuietHours hours = QuietHours.parse("02:30-21:00");

        assertThat(hours.nextAllowed(Instant.parse("2026-03-29T00:30:00Z")))
                .as("01:30 local; 02:30 does not exist that night").isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void theSettingIsReadWithSpacesAroundTheDash() {
        assertThat(QuietHours.parse(" 09:15 - 20:45 "))
                .isEqualTo(new QuietHours(LocalTime.of(9, 15), LocalTime.of(20, 45)));
        assertThat(QuietHours.DEFAULT).hasToString("08:00-21:00");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "8-21", "8:00-21:00", "08.00-21.00", "08:00", "08:00-21:00-22:00", "25:00-26:00",
            "08:60-21:00", "21:00-08:00", "08:00-08:00", "kl 8 til 21"})
    void anInvalidSettingIsAnErrorNamingTheSetting(String setting) {
        assertThatThrownBy(() -> QuietHours.parse(setting))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quietHours");
    }
}
