package no.dialog.core.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FodselsnummerTest {

    // Synthetic numbers with valid check digits (computed by the MOD11 rule, not real people).
    private static final String VALID = "01010150074";

    @Test
    void bothCheckDigitsMustFit() {
        assertThat(Fodselsnummer.isValid(VALID)).isTrue();
        assertThat(Fodselsnummer.isValid("01010150075")).as("second check digit wrong").isFalse();
        assertThat(Fodselsnummer.isValid("01010150064")).as("first check digit wrong").isFalse();
    }

    @Test
    void shapeAndDateAreChecked() {
        assertThat(Fodselsnummer.isValid("0101015001")).isFalse();
        assertThat(Fodselsnummer.isValid("0101015001a")).isFalse();
        assertThat(Fodselsnummer.isValid(null)).isFalse();
        assertThat(Fodselsnummer.normalise("010101 50074")).contains(VALID);
    }

    @Test
    void aDNumberIsAccepted() {
        // D-number: the first digit raised by 4 (41 = day 1).
        assertThat(Fodselsnummer.isValid(withCheckDigits("410101500"))).isTrue();
        assertThat(Fodselsnummer.isValid(withCheckDigits("320101500"))).as("day 32").isFalse();
    }

    @Test
    void maskedShowsTheLastTwoDigitsOnly() {
        assertThat(Fodselsnummer.masked(VALID)).isEqualTo("*********74");
    }

    static String withCheckDigits(String nine) {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * w1[i];
        }
        int k1 = (11 - sum % 11) % 11;
        String ten = nine + k1;
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (ten.charAt(i) - '0') * w2[i];
        }
        int k2 = (11 - sum % 11) % 11;
        return ten + k2;
    }
}
