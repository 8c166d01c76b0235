package no.dialog.core.optout;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The minimal opt-out rule: the reply's first word (case, accents and punctuation aside) is one of the
 * words people use in Norway to stop messages: {@code STOPP}, {@code STOP}, {@code AVMELD},
 * {@code AVSLUTT}, {@code UNSUBSCRIBE}. "STOPP 12345" and "stopp." count; "ikke stopp" does not, so a
 * sentence that merely contains the word is not taken for an opt-out.
 */
public final class StopWordCheck implements OptOutCheck {

    private static final Set<String> WORDS = Set.of("STOPP", "STOP", "AVMELD", "AVSLUTT", "UNSUBSCRIBE");

    @Override
    public boolean isOptOut(String text) {
        if (text == null) {
            return false;
        }
        String trimmed = text.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        String first = Normalizer.normalize(trimmed.substring(0, end), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return WORDS.contains(first);
    }
}
