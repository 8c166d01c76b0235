package no.dialog.core.settings;

/**
 * Norwegian bank account numbers (kontonummer): 11 digits, the last a MOD11 check digit over the first ten
 * with weights 5,4,3,2,7,6,5,4,3,2 (DOMAIN.md's MOD11 read from the right); a remainder that would give 10
 * makes the number invalid, 11 gives 0. Spaces and dots, as people write them ({@code 1503.05.12345}), are
 * ignored.
 */
public final class AccountNumbers {

    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private AccountNumbers() {}

    /** The 11 digits without separators, or null when the text is no valid account number. */
    public static String normalised(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "").replace(".", "");
        if (!digits.matches("\\d{11}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(10) - '0' ? digits : null;
    }
}
