package no.dialog.core.payment.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits free text into comparable words: lower case, accents removed (é → e; æ, ø stay), letters and
 * digits. Hand-written rather than regular expressions: a name lookup compares the payer with every
 * contact of the tenant.
 */
final class Words {

    private Words() {}

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!ascii(lower)) {
            lower = Normalizer.normalize(lower, Normalizer.Form.NFD);
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
