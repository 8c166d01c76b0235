package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.List;
import no.dialog.core.contact.Problem;

/**
 * Error responses with a reason a caller can act on: {@code {"error": "...", "reason": "..."}}; input
 * that fails its checks also lists every problem by path:
 * {@code {"error": "invalid segment", "reason": "...", "problems": [{"field": "criteria.all[1].op", "reason": "..."}]}}.
 */
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

    /** Input that parsed as JSON but breaks the rules: each problem with the path of its node. */
    static HttpResponse<String> invalid(HttpStatus status, String error, List<Problem> problems) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("error", error)
                .put("reason", problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        ArrayNode list = body.putArray("problems");
        for (Problem problem : problems) {
            list.addObject().put("field", problem.field()).put("reason", problem.reason());
        }
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body.toString());
    }
}
