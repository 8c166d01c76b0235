package no.dialog.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A text of the library in both languages Dialog writes: Norwegian bokmål and English. */
public record Localised(String nb, String en) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Localised {
        Objects.requireNonNull(nb, "nb");
        Objects.requireNonNull(en, "en");
    }

    /** The text in {@code language} ({@code nb} or {@code en}); anything else reads as {@code nb}. */
    public String in(String language) {
        return "en".equals(language) ? en : nb;
    }

    public ObjectNode toJson() {
        return MAPPER.createObjectNode().put("nb", nb).put("en", en);
    }

    /** {@code {"nb": .., "en": ..}} with both texts present and not blank, or null. */
    static Localised read(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 2 || !node.path("nb").isTextual()
                || !node.path("en").isTextual() || node.get("nb").asText().isBlank() || node.get("en").asText().isBlank()) {
            return null;
        }
        return new Localised(node.get("nb").asText(), node.get("en").asText());
    }
}
