package no.dialog.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource({"kari@Example.ORG, kari@example.org", "first.last+tag@sub.example.no, first.last+tag@sub.example.no"})
    void acceptsAndLowerCasesTheDomain(String raw, String expected) {
        assertThat(EmailAddresses.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kari", "kari@", "@example.org", "kari@example", "ka ri@example.org", "a@@example.org",
            ".kari@example.org", "kari@-example.org", "kari..n@example.org"})
    void refusesMalformedAddresses(String raw) {
        assertThat(EmailAddresses.normalise(raw)).isEmpty();
    }
}
