package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.dialog.core.template.SmsParts.Encoding;
import org.junit.jupiter.api.Test;

class SmsPartsTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point, two UTF-16 units

    @Test
    void plainGsmTextFillsOnePartUpTo160() {
        assertThat(SmsParts.of("a".repeat(160))).isEqualTo(new SmsParts(Encoding.GSM7, 160, 1));
        assertThat(SmsParts.of("a".repeat(161))).isEqualTo(new SmsParts(Encoding.GSM7, 161, 2));
        assertThat(SmsParts.of("a".repeat(306))).isEqualTo(new SmsParts(Encoding.GSM7, 306, 2));
        assertThat(SmsParts.of("a".repeat(307))).isEqualTo(new SmsParts(Encoding.GSM7, 307, 3));
    }

    @Test
    void extensionCharactersCountTwo() {
        assertThat(SmsParts.of("{".repeat(80))).isEqualTo(new SmsParts(Encoding.GSM7, 160, 1));
        // 162 units: 76 pairs (152 units) fill part one, the 153rd unit cannot hold a pair.
        assertThat(SmsParts.of("{".repeat(81))).isEqualTo(new SmsParts(Encoding.GSM7, 162, 2));
        for (String c : new String[] {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"}) {
            assertThat(SmsParts.of(c).units()).as("units of %s", c).isEqualTo(2);
            assertThat(SmsParts.of(c).encoding()).isEqualTo(Encoding.GSM7);
        }
    }

    @Test
    void anExtensionPairIsNeverSplitAcrossParts() {
        // 152 + 77 * 2 = 306 units, which ceil(306/153) would call 2 parts; the pair at unit 153 moves on.
        String text = "a".repeat(152) + "{".repeat(77);
        assertThat(SmsParts.of(text)).isEqualTo(new SmsParts(Encoding.GSM7, 306, 3));
    }

    @Test
    void norwegianLettersAndTheRestOfTheBasicTableStayGsm7() {
        assertThat(SmsParts.of("ÆØÅæøå")).isEqualTo(new SmsParts(Encoding.GSM7, 6, 1));
        assertThat(SmsParts.of("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà").encoding())
                .isEqualTo(Encoding.GSM7);
        assertThat(SmsParts.of("æ".repeat(160)).parts()).isEqualTo(1);
    }

    @Test
    void charactersOutsideGsm7MakeTheMessageUcs2() {
        assertThat(SmsParts.of("ç").encoding()).as("lower-case c cedilla is not in GSM-7").isEqualTo(Encoding.UCS2);
        assertThat(SmsParts.of("a\u00A0b").encoding()).as("non-breaking space").isEqualTo(Encoding.UCS2);
        assertThat(SmsParts.of("`").encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SmsParts.of("{" + "ç").units()).as("in UCS-2 an extension character is one unit").isEqualTo(2);
    }

    @Test
    void oneEmojiMakesUcs2WithSeventyUnitsInOnePart() {
        assertThat(SmsParts.of(EMOJI + "a".repeat(68))).isEqualTo(new SmsParts(Encoding.UCS2, 70, 1));
        assertThat(SmsParts.of(EMOJI + "a".repeat(69))).isEqualTo(new SmsParts(Encoding.UCS2, 71, 2));
        assertThat(SmsParts.of(EMOJI + "a".repeat(132))).isEqualTo(new SmsParts(Encoding.UCS2, 134, 2));
        assertThat(SmsParts.of(EMOJI + "a".repeat(133))).isEqualTo(new SmsParts(Encoding.UCS2, 135, 3));
    }

    @Test
    void aSurrogatePairAtAPartBoundaryMovesToTheNextPart() {
        // 66 + 2 + 66 = 134 units: the emoji would straddle units 67 and 68, so part one ends at 66.
        String text = "a".repeat(66) + EMOJI + "a".repeat(66);
        assertThat(SmsParts.of(text)).isEqualTo(new SmsParts(Encoding.UCS2, 134, 3));
        // One unit earlier the pair fits exactly at the end of part one.
        String fits = "a".repeat(65) + EMOJI + "a".repeat(67);
        assertThat(SmsParts.of(fits)).isEqualTo(new SmsParts(Encoding.UCS2, 134, 2));
    }

    @Test
    void emptyTextIsOneGsm7PartOfZeroUnits() {
        assertThat(SmsParts.of("")).isEqualTo(new SmsParts(Encoding.GSM7, 0, 1));
    }

    @Test
    void nullTextIsRefused() {
        assertThatThrownBy(() -> SmsParts.of(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
