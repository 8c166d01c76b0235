package no.dialog.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers through libphonenumber: numbers without a country code are read as Norwegian, and
 * every stored number is E.164 ({@code +4791234567}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "NO";

    private PhoneNumbers() {}

    /** The number in E.164, or empty when it is not a valid number. */
    public static Optional<String> toE164(String raw) {
        return parse(raw).map(number -> UTIL.format(number, PhoneNumberFormat.E164));
    }

    /** True for numbers that can receive SMS (mobile, or fixed-or-mobile where a country cannot tell). */
    public static boolean isMobile(String e164) {
        return parse(e164)
                .map(UTIL::getNumberType)
                .map(type -> type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE)
                .orElse(false);
    }

    private static Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, DEFAULT_REGION);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
