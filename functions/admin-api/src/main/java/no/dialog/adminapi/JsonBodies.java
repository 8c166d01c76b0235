package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a request's JSON body straight from the API Gateway event, so the API decides the answers to
 * a body that is too large (413), missing or not JSON (400, with the line and column) rather than the
 * framework's defaults. Reasons never echo the body: it may hold personal data.
 */
final class JsonBodies {

    /** Definitions are small; 64 KB is far above any real segment and well below Lambda's limits. */
    static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The body, or the refusal to answer with: exactly one is set. */
    record Outcome(JsonNode json, HttpResponse<String> refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private JsonBodies() {}

    static Outcome read(APIGatewayV2HTTPEvent request) {
        String raw = request.getBody();
        if (raw == null || raw.isBlank()) {
            return refuse(HttpStatus.BAD_REQUEST, "a JSON body is required");
        }
        byte[] bytes;
        try {
            bytes = request.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(HttpStatus.BAD_REQUEST, "the body is marked base64 but is not");
        }
        if (bytes.length > MAX_BYTES) {
            return refuse(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the body is " + bytes.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        try {
            return new Outcome(MAPPER.readTree(bytes), null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return refuse(HttpStatus.BAD_REQUEST, "the body is not valid JSON" + where);
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, "the body could not be read as JSON");
        }
    }

    private static Outcome refuse(HttpStatus status, String reason) {
        return new Outcome(null, ApiErrors.of(status, reason));
    }
}
