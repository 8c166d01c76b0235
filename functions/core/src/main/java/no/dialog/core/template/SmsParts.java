package no.dialog.core.template;

/**
 * How an SMS text is encoded and into how many parts it is split, which is what the organisation pays
 * for. GSM-7: 160 units in one part, 153 per part when concatenated, and {@code ^ { } \ [ ~ ] | €}
 * take two units. Anything outside GSM-7 makes the whole message UCS-2: 70 in one part, 67 per part.
 */
public record SmsParts(Encoding encoding, int units, int parts) {

    public enum Encoding { GSM7, UCS2 }

    public static SmsParts of(String text) {
        throw new UnsupportedOperationException("not built yet");
    }
}
