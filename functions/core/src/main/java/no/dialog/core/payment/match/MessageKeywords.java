package no.dialog.core.payment.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a payment message names a journey: "julegave til barna" names "Julegave 2026". A journey's
 * keywords are its explicit keywords and the words of its name, except numbers (years) and words every
 * gift message uses ("gave", "støtte"), which would point at every journey. A message word matches a
 * keyword when it starts with it, so inflected forms count ("julegaven", "brønnene" for "brønn").
 */
public final class MessageKeywords {

    /** Shorter keywords match too many words by prefix ("hjelp" would be fine, "jul" is not). */
    static final int MIN_LENGTH = 4;

    private static final Set<String> GENERIC = Set.of(
            "gave", "gaver", "gaven", "gavene", "pengegave", "støtte", "støtt", "bidrag", "donasjon", "innsamling",
            "aksjon", "aksjonen", "kampanje", "kampanjen", "takk", "hilsen", "fra", "til", "for", "med", "og",
            "giro", "vipps", "medlem", "kontingent", "betaling", "alle", "denne", "dette", "mange", "hjertelig");

    private MessageKeywords() {}

    static Set<String> keywords(CampaignJourney journey) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String keyword : journey.keywords()) {
            keywords.addAll(usable(Words.of(keyword)));
        }
        keywords.addAll(usable(Words.of(journey.name())));
        return keywords;
    }

    /** The first of the journey's keywords the message mentions. */
    public static Optional<String> mentioned(String message, CampaignJourney journey) {
        List<String> words = Words.of(message);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        for (String keyword : keywords(journey)) {
            for (String word : words) {
                if (word.startsWith(keyword)) {
                    return Optional.of(keyword);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> usable(List<String> words) {
        return words.stream()
                .filter(w -> w.length() >= MIN_LENGTH && !GENERIC.contains(w) && !w.chars().allMatch(Character::isDigit))
                .toList();
    }
}
