package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayerNamesTest {

    @Test
    void wordsInAnyOrderAndCaseMatch() {
        assertThat(PayerNames.matches(PayerNames.words("NORDMANN KARI"), "Kari", "Nordmann")).isTrue();
        assertThat(PayerNames.matches(PayerNames.words("Kari Anne Nordmann"), "Kari Anne", "Nordmann")).isTrue();
    }

    @Test
    void aMiddleNameOnOneSideStillMatchesOnFirstAndLast() {
        assertThat(PayerNames.matches(PayerNames.words("Kari A. Nordmann"), "Kari", "Nordmann")).isTrue();
        assertThat(PayerNames.matches(PayerNames.words("Kari Nordmann"), "Kari Anne", "Nordmann")).isTrue();
    }

    @Test
    void anotherPersonOrOneWordDoesNotMatch() {
        assertThat(PayerNames.matches(PayerNames.words("Ola Nordmann"), "Kari", "Nordmann")).isFalse();
        assertThat(PayerNames.matches(PayerNames.words("Kari"), "Kari", "Nordmann")).isFalse();
        assertThat(PayerNames.matches(PayerNames.words("Kari Nordmann"), "Kari", null)).isFalse();
    }
}
