package no.dialog.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunIdsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void namesJourneyVersionStepDayAndSequence() {
        String id = RunIds.of("win-back", 2, "letter-1", DAY, 1);

        assertThat(id).isEqualTo("win-back.v2.letter-1.2026-11-23.1");
        assertThat(RunIds.isValid(id)).isTrue();
        assertThat(RunIds.journeyId(id)).isEqualTo("win-back");
        assertThat(RunIds.of("win-back", 2, "letter-1", DAY, 12)).endsWith(".12");
    }

    @ParameterizedTest
    @CsvSource(value = {"Win, 1, s, 1", "w, 0, s, 1", "w, 1, s.x, 1", "w, 1, s, 0", "NULL, 1, s, 1"}, nullValues = "NULL")
    void refusesPartsThatWouldMakeAnAmbiguousId(String journey, int version, String step, int sequence) {
        assertThatThrownBy(() -> RunIds.of(journey, version, step, DAY, sequence))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("run id:");
    }

    @ParameterizedTest
    @CsvSource(value = {"w.v1.s.2026-11-23", "w.v1.s.2026-11-23.0", "../w.v1.s.2026-11-23.1", "NULL"}, nullValues = "NULL")
    void tellsWhatIsNotARunId(String text) {
        assertThat(RunIds.isValid(text)).isFalse();
    }
}
