package no.dialog.core.optout;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a short reply into a yes or no when it clearly is one ("Ja", "JA!", "nei takk", "Yes"), so a
 * journey can wait or branch on the answer to a question it asked by SMS or chat. Anything longer or
 * less clear has no answer: the reply stays a reply.
 */
public final class ReplyAnswers {

    public static final String YES = "yes";
    public static final String NO = "no";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("JA", YES), Map.entry("JO", YES), Map.entry("YES", YES), Map.entry("J", YES),
            Map.entry("NEI", NO), Map.entry("NO", NO), Map.entry("N", NO));
    private static final int MAX_WORDS = 3;

    private ReplyAnswers() {}

    /** {@code yes} or {@code no} when the first word says so and the reply is at most three words. */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] words = text.strip().toUpperCase(Locale.ROOT).split("[\\s,.!]+");
        if (words.length == 0 || words.length > MAX_WORDS || words[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(words[0]));
    }
}
