package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

/** Error responses with a reason a caller can act on: {@code {"error": "...", "reason": "..."}}. */
final class ApiErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiErrors() {}

    static HttpResponse<String> of(HttpStatus status, String reason) {
        String body = MAPPER.createObjectNode()
                .put("error", status.getReason())
                .put("reason", reason)
                .toString();
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
