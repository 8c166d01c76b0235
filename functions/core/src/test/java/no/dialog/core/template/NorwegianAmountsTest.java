package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NorwegianAmountsTest {

    @Test
    void wholeKronerHaveNoOre() {
        assertThat(NorwegianAmounts.format(25_000)).isEqualTo("250 kr");
        assertThat(NorwegianAmounts.format(0)).isEqualTo("0 kr");
        assertThat(NorwegianAmounts.format(100)).isEqualTo("1 kr");
    }

    @Test
    void thousandsAreGroupedWithAnOrdinarySpace() {
        assertThat(NorwegianAmounts.format(125_000)).isEqualTo("1 250 kr");
        assertThat(NorwegianAmounts.format(100_000_000)).isEqualTo("1 000 000 kr");
        assertThat(NorwegianAmounts.format(99_999_900)).isEqualTo("999 999 kr");
        assertThat(NorwegianAmounts.format(125_000)).doesNotContain("\u00A0");
    }

    @Test
    void oreAreShownWithACommaWhenNotWhole() {
        assertThat(NorwegianAmounts.format(9_950)).isEqualTo("99,50 kr");
        assertThat(NorwegianAmounts.format(5)).isEqualTo("0,05 kr");
        assertThat(NorwegianAmounts.format(123_456_78)).isEqualTo("123 456,78 kr");
    }

    @Test
    void negativeAmountsKeepTheirSign() {
        assertThat(NorwegianAmounts.format(-125_050)).isEqualTo("-1 250,50 kr");
        assertThat(NorwegianAmounts.format(Long.MIN_VALUE)).isEqualTo("-92 233 720 368 547 758,08 kr");
    }
}
