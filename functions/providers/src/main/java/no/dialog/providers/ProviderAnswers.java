package no.dialog.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reading providers' answers safely: a body that is not JSON reads as an empty object, and a provider's
 * own error text is cut short and has phone numbers, long digit runs and e-mail addresses masked before
 * it can reach the ledger or a log.
 */
public final class ProviderAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\+?\\d{6,}");
    private static final Pattern EMAILS = Pattern.compile("[^\\s\"'<>()]+@[^\\s\"'<>()]+");

    private ProviderAnswers() {}

    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The text with personal data masked, at most 200 characters; empty for null. */
    public static String masked(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String safe = DIGIT_RUNS.matcher(EMAILS.matcher(text).replaceAll("…")).replaceAll("…");
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }
}
