package no.dialog.core.template;

import java.util.Objects;

/**
 * How an SMS text is encoded and into how many parts it is split, which is what the organisation pays
 * for. GSM-7: 160 units in one part, 153 per part when concatenated, and {@code ^ { } \ [ ~ ] | €} (and
 * form feed) take two units. Anything outside GSM-7 makes the whole message UCS-2: 70 in one part, 67
 * per part, where a unit is a UTF-16 code unit (an emoji takes two).
 *
 * <p>Concatenated parts are filled greedily and a two-unit character is never split between parts (an
 * extension character's escape and character, or a surrogate pair, travel in the same part), so a text
 * can need one part more than {@code ceil(units / 153)} suggests.
 *
 * <p>The empty text counts as one GSM-7 part of zero units: if it were sent it would still be one
 * message. (Validation refuses empty SMS bodies, so this only shows in previews.)
 *
 * @param units septets for GSM-7, UTF-16 code units for UCS-2
 */
public record SmsParts(Encoding encoding, int units, int parts) {

    public enum Encoding { GSM7, UCS2 }

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PER_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PER_PART = 67;

    public static SmsParts of(String text) {
        Objects.requireNonNull(text, "text");
        if (isGsm7(text)) {
            return gsm7(text);
        }
        return ucs2(text);
    }

    private static boolean isGsm7(String text) {
        return text.codePoints().allMatch(cp -> GsmAlphabet.septets(cp) != GsmAlphabet.NOT_GSM);
    }

    private static SmsParts gsm7(String text) {
        int[] costs = text.chars().map(GsmAlphabet::septets).toArray();
        return split(Encoding.GSM7, costs, GSM7_SINGLE, GSM7_PER_PART);
    }

    private static SmsParts ucs2(String text) {
        int[] costs = text.codePoints().map(Character::charCount).toArray();
        return split(Encoding.UCS2, costs, UCS2_SINGLE, UCS2_PER_PART);
    }

    /** Each cost is one indivisible character (1 or 2 units). */
    private static SmsParts split(Encoding encoding, int[] costs, int single, int perPart) {
        int units = 0;
        for (int cost : costs) {
            units += cost;
        }
        if (units <= single) {
            return new SmsParts(encoding, units, 1);
        }
        int parts = 1;
        int filled = 0;
        for (int cost : costs) {
            if (filled + cost > perPart) {
                parts++;
                filled = 0;
            }
            filled += cost;
        }
        return new SmsParts(encoding, units, parts);
    }
}
