package no.dialog.core.page;

import java.util.Map;
import java.util.Set;

/**
 * A text in the languages a page speaks ({@code nb}, {@code en}). A missing language falls back to
 * Norwegian, then English, so a page never shows a blank label.
 */
public record Texts(Map<String, String> byLanguage) {

    public static final Set<String> LANGUAGES = Set.of("nb", "en");

    public Texts {
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
    }

    public static Texts of(String nb, String en) {
        return new Texts(Map.of("nb", nb, "en", en));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    public String in(String language) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get("nb");
        }
        if (text == null) {
            text = byLanguage.get("en");
        }
        return text == null ? "" : text;
    }

    /** The language a request asks for, as one the pages speak. */
    public static String language(String wanted, String fallback) {
        if (wanted == null) {
            return fallback;
        }
        String lower = wanted.trim().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("en")) {
            return "en";
        }
        if (lower.startsWith("nb") || lower.startsWith("no") || lower.startsWith("nn")) {
            return "nb";
        }
        return fallback;
    }
}
