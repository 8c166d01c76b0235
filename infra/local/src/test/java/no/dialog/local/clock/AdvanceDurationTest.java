package no.dialog.local.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdvanceDurationTest {

    @Test
    void readsIsoDurations() {
        assertThat(AdvanceDuration.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(AdvanceDuration.parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(AdvanceDuration.parse("P1DT30M")).isEqualTo(Duration.ofDays(1).plusMinutes(30));
        assertThat(AdvanceDuration.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AdvanceDuration.parse(" p1d ")).isEqualTo(Duration.ofDays(1));
        assertThat(AdvanceDuration.parse("P2W")).isEqualTo(Duration.ofDays(14));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void asksForADurationWhenThereIsNone(String missing) {
        assertThatThrownBy(() -> AdvanceDuration.parse(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P7D");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7 days", "7D", "P", "PT", "P1H", "1h", "P7DX"})
    void explainsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> AdvanceDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not an ISO-8601 duration")
                .hasMessageContaining("P7D");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "P1Y2M3D", "P1MT2H"})
    void refusesMonthsAndYears(String text) {
        assertThatThrownBy(() -> AdvanceDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("months or years");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "P0D", "-P1D", "PT-5M"})
    void refusesDurationsThatAreNotPositive(String text) {
        assertThatThrownBy(() -> AdvanceDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }
}
