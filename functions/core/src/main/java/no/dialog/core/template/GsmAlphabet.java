package no.dialog.core.template;

/**
 * The GSM 03.38 default alphabet as SMS centres count it: characters of the basic table take one
 * septet, characters of the extension table take two (an escape and the character).
 */
final class GsmAlphabet {

    /** Septets a character outside GSM-7 would take: none, it forces UCS-2. */
    static final int NOT_GSM = 0;

    // The basic table in code order (0x00..0x7F), with 0x1B (escape to the extension table) left out.
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    private static final String EXTENSION = "\f^{}\\[~]|€";

    private GsmAlphabet() {}

    /** 1 for the basic table, 2 for the extension table, {@link #NOT_GSM} for anything else. */
    static int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return NOT_GSM;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : NOT_GSM;
    }
}
