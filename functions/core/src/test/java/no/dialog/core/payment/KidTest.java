package no.dialog.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KidTest {

    @ParameterizedTest(name = "MOD10 of {0} is {1}")
    @CsvSource({
            "7992739871, 3",      // the classic Luhn example
            "1234567890, 3",
            "0, 0",
            "1, 8",
            "18, 2",
            "000000000000000000000009, 1",
    })
    void mod10(String body, int check) {
        assertThat(Kid.mod10(body)).isEqualTo(check);
        assertThat(Kid.isValid(body + check, KidMethod.MOD10)).isTrue();
        assertThat(Kid.isValid(body + (check + 1) % 10, KidMethod.MOD10)).isFalse();
    }

    @ParameterizedTest(name = "MOD11 of {0} is {1}")
    @CsvSource({
            "8601111794, 7",      // a Norwegian account number (same weights)
            "1234567890, 3",
            "1, 9",
            "0, 0",               // 11 becomes 0
            "6, -",               // remainder 1: no digit
            "12, 4",
    })
    void mod11(String body, String check) {
        assertThat(Kid.checkCharacter(body, KidMethod.MOD11)).isEqualTo(check.charAt(0));
        assertThat(Kid.isValid(body + check, KidMethod.MOD11)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"6", "0000000006", "00000000600010"})
    void neverGeneratesAMod11Dash(String body) {
        assertThat(Kid.checkCharacter(body, KidMethod.MOD11)).isEqualTo('-');
        assertThatThrownBy(() -> Kid.withCheckDigit(body, KidMethod.MOD11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another body");
    }

    @ParameterizedTest(name = "{0} is not a valid KID")
    @CsvSource(value = {"''", "1", "12a45", "'12 3'", "12345678901234567890123456", "NULL"}, nullValues = "NULL")
    void rejectsMalformedKids(String kid) {
        assertThat(Kid.isValid(kid, KidMethod.MOD10)).isFalse();
        assertThat(Kid.isValid(kid, KidMethod.MOD11)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "12a", "1234567890123456789012345"})
    void refusesBadBodiesWithAClearError(String body) {
        assertThatThrownBy(() -> Kid.withCheckDigit(body, KidMethod.MOD10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a KID body must be 1-24 digits");
    }
}
