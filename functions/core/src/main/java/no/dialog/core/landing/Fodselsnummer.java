package no.dialog.core.landing;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Norwegian national identity number (fødselsnummer, and the D-number whose first digit is raised
 * by 4): 11 digits, a valid birth date, and both MOD11 check digits. Never log or echo one in full:
 * {@link #masked} shows the last two digits only.
 */
public final class Fodselsnummer {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Fodselsnummer() {}

    /** The number without spaces, if it is a valid fødselsnummer or D-number. */
    public static java.util.Optional<String> normalise(String raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        String digits = raw.replace(" ", "").replace("\u00a0", "");
        return isValid(digits) ? java.util.Optional.of(digits) : java.util.Optional.empty();
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("[0-9]{11}")) {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            d[i] = number.charAt(i) - '0';
        }
        int k1 = checkDigit(d, FIRST);
        if (k1 < 0 || k1 != d[9]) {
            return false;
        }
        int k2 = checkDigit(d, SECOND);
        return k2 >= 0 && k2 == d[10] && hasValidDate(d);
    }

    /** MOD11: 11 - (weighted sum mod 11); 11 gives 0, 10 means no valid number has these digits (-1). */
    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    private static boolean hasValidDate(int[] d) {
        int day = d[0] * 10 + d[1];
        if (day > 40) {
            day -= 40; // D-number
        }
        int month = d[2] * 10 + d[3];
        if (month > 40) {
            month -= 40; // synthetic numbers from the test register (Tenor)
        }
        int year = d[4] * 10 + d[5];
        try {
            LocalDate.of(2000 + year, month, day == 29 && month == 2 ? 28 : day);
            return day >= 1 && day <= 31;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code *********NN}: enough for the person to recognise their number, not enough to use it. */
    public static String masked(String number) {
        return "*".repeat(9) + number.substring(number.length() - 2);
    }
}
