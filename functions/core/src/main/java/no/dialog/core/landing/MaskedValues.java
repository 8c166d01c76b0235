package no.dialog.core.landing;

import java.util.Optional;

/**
 * How a landing page shows what Dialog already knows of a person. A personal link is a bearer credential
 * for as long as it is valid (30 days by default), forwarded or read over a shoulder as easily as any SMS,
 * so the page shows known contact details only as much as the person needs to recognise them: the last
 * digits of a mobile number, the first letter and the domain of an e-mail address, the start of a street.
 * A masked value sent back unchanged means "keep what you have" ({@link #unmasked}).
 */
public final class MaskedValues {

    private static final int PHONE_DIGITS_SHOWN = 2;
    private static final int STREET_CHARACTERS_SHOWN = 3;

    private MaskedValues() {}

    /** {@code +4791234567} → {@code +47 ******67}; a number without a country code keeps only its last digits. */
    public static String phone(String e164) {
        if (e164 == null || e164.length() <= PHONE_DIGITS_SHOWN) {
            return "";
        }
        String country = e164.startsWith("+47") ? "+47 " : "";
        String national = country.isEmpty() ? e164 : e164.substring(3);
        int hidden = national.length() - PHONE_DIGITS_SHOWN;
        return country + "*".repeat(hidden) + national.substring(hidden);
    }

    /**
     * {@code ola.nordmann@example.no} → {@code o***@example.no}. A first character that is not an ASCII
     * letter or digit is hidden too, so the masked value still passes a browser's e-mail field check.
     */
    public static String email(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "";
        }
        char first = address.charAt(0);
        String shown = first < 128 && Character.isLetterOrDigit(first) ? String.valueOf(first) : "*";
        return shown + "***" + address.substring(at);
    }

    /** {@code Storgata 12 B} → {@code Sto…}: enough to recognise next to the postcode and place, not to find. */
    public static String street(String street) {
        if (street == null || street.isBlank()) {
            return "";
        }
        String trimmed = street.strip();
        return trimmed.length() <= STREET_CHARACTERS_SHOWN ? "…"
                : trimmed.substring(0, STREET_CHARACTERS_SHOWN) + "…";
    }

    /**
     * The known value when the form sent back its masked form unchanged; empty when the person typed
     * something of their own (or nothing was known).
     */
    public static Optional<String> unmasked(String sent, String known, String masked) {
        if (known == null || masked.isEmpty() || !sent.equals(masked)) {
            return Optional.empty();
        }
        return Optional.of(known);
    }
}
