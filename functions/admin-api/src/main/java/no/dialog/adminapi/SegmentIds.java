package no.dialog.adminapi;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import no.dialog.aws.snapstart.RestoreSafeRandom;

/**
 * Segment ids: chosen by staff, or made from the name as a readable slug plus a short random part
 * ({@code "Studenter før eksamen"} → {@code studenter-for-eksamen-k3f9qa}), so two segments with the
 * same name still get different ids.
 */
final class SegmentIds {

    /** Safe in table keys and URLs; no '#', which separates parts of sort keys. */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String RULE = "must be 1-64 letters, digits or . _ - and start with a letter or digit";

    private static final int SLUG_MAX = 40;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = RestoreSafeRandom.secureRandom();

    private SegmentIds() {}

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static String fromName(String name) {
        return fromName(name, "segment");
    }

    /** @param fallback the readable part when the name has no letters or digits ("journey") */
    static String fromName(String name, String fallback) {
        String slug = slug(name);
        return (slug.isEmpty() ? fallback : slug) + "-" + random(6);
    }

    static String slug(String name) {
        // Norwegian letters first: NFD would turn 'ø' and 'æ' into nothing useful.
        String text = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        text = text.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (text.length() > SLUG_MAX) {
            text = text.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return text;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
