package no.dialog.core.compliance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an inbound SMS or chat text asks the organisation to stop: the reply keyword every marketing SMS
 * offers ("Svar STOPP for å melde deg av").
 *
 * <p>A text is an opt-out when its <em>first word</em> is one of the opt-out words, in any case, with any
 * punctuation, spacing or trailing words ({@code "stopp"}, {@code " Stopp!"}, {@code "STOPP GAVER"},
 * {@code "Stopp å sende meg sms. Mvh Kari"}), unless the second word negates it ({@code "stopp ikke"} is
 * Norwegian for "don't stop"). The words:
 * <ul>
 *   <li>{@code STOPP}: the Norwegian keyword (and Swedish), the one Dialog's messages name;</li>
 *   <li>{@code STOP}: English, and what people used to other countries' services type;</li>
 *   <li>{@code AVMELD}, {@code AVMELDING}: "unsubscribe", the keyword of many Norwegian SMS services;</li>
 *   <li>{@code UNSUBSCRIBE}.</li>
 * </ul>
 *
 * <p>Deliberately <em>not</em> opt-outs: a text where the word comes later ({@code "ikke stopp"},
 * {@code "kan dere stoppe?"}), inflected forms ({@code "stoppe"}), and {@code "slutt"}, which in an answer
 * ("slutt på studiene i juni") usually means something else. Erring towards an opt-out costs one channel to
 * one person; erring the other way breaks the law, so a first word that matches is enough. Free-text
 * requests to stop still arrive as responses for staff to act on.
 */
public final class OptOutWords {

    private static final Set<String> WORDS = Set.of("stopp", "stop", "avmeld", "avmelding", "unsubscribe");
    private static final Set<String> NEGATIONS = Set.of("ikke", "ikkje", "not");

    private OptOutWords() {}

    /** @return whether the text is an opt-out; false for null or blank text */
    public static boolean isOptOut(String text) {
        if (text == null) {
            return false;
        }
        // NFKC folds full-width and other look-alike letters; anything not a letter or digit separates words.
        String[] words = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
        if (!WORDS.contains(words[0])) {
            return false;
        }
        return words.length == 1 || !NEGATIONS.contains(words[1]);
    }
}
