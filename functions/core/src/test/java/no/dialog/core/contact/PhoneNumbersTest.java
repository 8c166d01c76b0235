package no.dialog.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "+47 912 34 567, +4791234567",
            "91234567, +4791234567",
            "0047 41234567, +4741234567",
            "+46 70 123 45 67, +46701234567",
    })
    void normalisesToE164(String raw, String expected) {
        assertThat(PhoneNumbers.toE164(raw)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"12", "+47 1234", "phone", "''"})
    void refusesWhatIsNotANumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"+4791234567, true", "+4741234567, true", "+4722123456, false"})
    void tellsNorwegianMobilesFromLandlines(String number, boolean mobile) {
        assertThat(PhoneNumbers.isMobile(number)).isEqualTo(mobile);
    }
}
