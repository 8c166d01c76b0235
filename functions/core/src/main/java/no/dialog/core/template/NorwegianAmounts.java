package no.dialog.core.template;

/**
 * Formats øre as Norwegian kroner for message texts: {@code 250 kr}, {@code 1 250 kr},
 * {@code 99,50 kr}. Øre are shown only when the amount is not whole.
 *
 * <p>Thousands are grouped with an ordinary space, not a non-breaking one: U+00A0 is not in the GSM-7
 * alphabet, so a single one would turn an SMS into UCS-2 and more than double its price.
 */
public final class NorwegianAmounts {

    private NorwegianAmounts() {}

    public static String format(long ore) {
        String sign = ore < 0 ? "-" : "";
        // Math.abs(Long.MIN_VALUE) overflows; no real amount comes near it, but stay correct.
        String digits = ore == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(ore));
        String padded = digits.length() < 3 ? "0".repeat(3 - digits.length()) + digits : digits;
        String kroner = padded.substring(0, padded.length() - 2);
        String rest = padded.substring(padded.length() - 2);
        String grouped = group(kroner);
        return sign + (rest.equals("00") ? grouped : grouped + "," + rest) + " kr";
    }

    private static String group(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(' ').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
