package no.dialog.core.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.dialog.core.tenant.TenantId;

/**
 * Reading queue message bodies: each rule broken is a {@link PermanentFailure} whose reason names the
 * field and never echoes its value, so the message goes to its dead-letter queue with a reason a
 * person can act on.
 */
public final class MessageFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MessageFields() {}

    /** The body as a JSON object. */
    public static JsonNode object(String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("message body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new PermanentFailure("message body is not a JSON object");
        }
        return root;
    }

    /** A non-empty string field. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new PermanentFailure(field + " is missing or not a string");
        }
        return value.asText();
    }

    /** A valid tenant id (null counts as missing). */
    public static TenantId tenant(String value) {
        if (value == null || !TenantId.isValid(value)) {
            throw new PermanentFailure("tenant is missing or not a valid tenant id");
        }
        return TenantId.of(value);
    }
}
