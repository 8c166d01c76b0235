package no.dialog.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reading provider JSON strictly: every problem is a {@link BadRequest} that names the field and item. */
final class Payloads {

    static final int MAX_JSON_BYTES = 1_000_000;
    static final int MAX_ITEMS = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {}

    static JsonNode json(WebhookRequest request) {
        if (request.body().length == 0) {
            throw new BadRequest("the body is empty");
        }
        if (request.body().length > MAX_JSON_BYTES) {
            throw new BadRequest("the body is larger than " + MAX_JSON_BYTES + " bytes");
        }
        try {
            return MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (java.io.IOException e) {
            throw new BadRequest("the body is not valid JSON");
        }
    }

    /** One object or an array of objects, as a list. */
    static List<JsonNode> objects(JsonNode root) {
        List<JsonNode> items = new ArrayList<>();
        if (root.isObject()) {
            items.add(root);
        } else if (root.isArray()) {
            if (root.size() > MAX_ITEMS) {
                throw new BadRequest("more than " + MAX_ITEMS + " items in one request");
            }
            for (int i = 0; i < root.size(); i++) {
                if (!root.get(i).isObject()) {
                    throw new BadRequest("item " + i + " is not an object");
                }
                items.add(root.get(i));
            }
        } else {
            throw new BadRequest("the body must be an object or an array of objects");
        }
        return items;
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new BadRequest(where + field + " is missing");
        }
        if (value.asText().length() > 500) {
            throw new BadRequest(where + field + " is longer than 500 characters");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequest(where + field + " is missing");
        }
        if (value.isInt() || value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return value.asInt();
        }
        throw new BadRequest(where + field + " is not a whole number");
    }

    /** An ISO-8601 instant or date-time with offset ({@code 2026-11-23T12:00:00Z}, {@code ...+01:00}). */
    static Instant instant(String value, String what) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadRequest(what + " is not an ISO-8601 time with zone (e.g. 2026-11-23T12:00:00Z)");
            }
        }
    }
}
