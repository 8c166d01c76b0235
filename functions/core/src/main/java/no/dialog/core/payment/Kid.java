package no.dialog.core.payment;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * KID (kundeidentifikasjon), the payment reference on a giro and in OCR files: 2–25 digits, the last a
 * check digit computed over the others with {@link KidMethod#MOD10} or {@link KidMethod#MOD11}, as agreed
 * with the bank (DOMAIN.md).
 *
 * <ul>
 *   <li>MOD10 (Luhn): from the right, weights 2,1,2,1…; sum the digits of each product;
 *       check = (10 − sum mod 10) mod 10.</li>
 *   <li>MOD11: from the right, weights 2,3,4,5,6,7,2,3…; r = sum mod 11; check = 11 − r, where 11 becomes 0
 *       and 10 is "-". A KID ending in "-" is valid for banks but {@link #withCheckDigit} never makes one:
 *       the caller chooses another body ({@link KidLayout} varies a sequence digit).</li>
 * </ul>
 */
public final class Kid {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 25;

    private Kid() {}

    /** The Luhn check digit for {@code body} (digits only, 1–24 of them). */
    public static int mod10(String body) {
        checkBody(body);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            int product = digit * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** The MOD11 check digit for {@code body}, or empty when it would be "-" (remainder 1). */
    public static OptionalInt mod11(String body) {
        checkBody(body);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (2 + i % 6);
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(check == 11 ? 0 : check);
    }

    /** The check digit as the KID's last character: a digit, or "-" for a MOD11 remainder of 1. */
    public static char checkCharacter(String body, KidMethod method) {
        Objects.requireNonNull(method, "method");
        if (method == KidMethod.MOD10) {
            return (char) ('0' + mod10(body));
        }
        OptionalInt check = mod11(body);
        return check.isPresent() ? (char) ('0' + check.getAsInt()) : '-';
    }

    /**
     * {@code body} followed by its check digit.
     *
     * @throws IllegalArgumentException if the body is not 1–24 digits, or MOD11 would give "-" (choose
     *                                  another body)
     */
    public static String withCheckDigit(String body, KidMethod method) {
        char check = checkCharacter(body, method);
        if (check == '-') {
            throw new IllegalArgumentException("the KID body gives the MOD11 check '-'; choose another body");
        }
        return body + check;
    }

    /** Whether {@code kid} is 2–25 characters, digits with a correct check character for the method. */
    public static boolean isValid(String kid, KidMethod method) {
        if (kid == null || kid.length() < MIN_LENGTH || kid.length() > MAX_LENGTH) {
            return false;
        }
        String body = kid.substring(0, kid.length() - 1);
        if (!digits(body)) {
            return false;
        }
        char last = kid.charAt(kid.length() - 1);
        return last == checkCharacter(body, method);
    }

    private static void checkBody(String body) {
        if (body == null || body.isEmpty() || body.length() > MAX_LENGTH - 1 || !digits(body)) {
            throw new IllegalArgumentException("a KID body must be 1-" + (MAX_LENGTH - 1) + " digits");
        }
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
