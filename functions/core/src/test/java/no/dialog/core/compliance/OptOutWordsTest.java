package no.dialog.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptOutWordsTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "STOPP                          | true",
            "stopp                          | true",
            "Stopp                          | true",
            "\"  stopp  \"                  | true",
            "Stopp!                         | true",
            "STOPP.                         | true",
            "*stopp*                        | true",
            "'Stopp'                        | true",
            "STOPP GAVER                    | true",
            "Stopp dialog                   | true",
            "Stopp, takk                    | true",
            "Stopp å sende meg sms. Mvh Kari| true",
            "STOP                           | true",
            "stop please                    | true",
            "Avmeld                         | true",
            "AVMELDING                      | true",
            "unsubscribe                    | true",
            "ＳＴＯＰＰ                       | true",
            "stopp ikke                     | false",
            "Stopp ikke!                    | false",
            "stopp ikkje                    | false",
            "stop not                       | false",
            "ikke stopp                     | false",
            "Ikke STOPP, jeg vil fortsatt ha meldinger | false",
            "Kan dere stoppe?               | false",
            "stoppe                         | false",
            "stopper                        | false",
            "Slutt på studiene i juni       | false",
            "Ja                             | false",
            "s t o p p                      | false",
            "\"\"                           | false",
            "\"   \"                        | false",
            "!!!                            | false"})
    void anOptOutIsAReplyThatStartsWithAnOptOutWordNotNegated(String text, boolean optOut) {
        assertThat(OptOutWords.isOptOut(text)).isEqualTo(optOut);
    }

    @org.junit.jupiter.api.Test
    void noTextIsNoOptOut() {
        assertThat(OptOutWords.isOptOut(null)).isFalse();
    }
}
