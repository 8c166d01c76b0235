package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;
import no.dialog.core.contact.Problem;

/**
 * Every error answer of the admin API, in one shape: RFC 9457 problem details
 * ({@code application/problem+json}) with a reason a caller can act on.
 * <ul>
 *   <li>{@link #of}: {@code {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no such segment"}}</li>
 *   <li>{@link #invalid}: input that parsed but breaks the rules, every problem with the path of its node:
 *       {@code {"type": "urn:dialog:problem:invalid-segment", "title": "invalid segment", "status": 400,
 *       "detail": "2 problems", "errors": [{"path": "criteria.all[1].op", "message": "..."}]}}</li>
 * </ul>
 * The {@code type} is what a UI switches on: {@code about:blank} means "the status says it all"; the
 * {@code urn:dialog:problem:} types name a kind of refusal with a list of {@code errors}. Details and
 * messages never echo values (they may be personal data). {@link ProblemErrorResponses} answers the
 * framework's own errors (unknown route, wrong method, a failure) in the same shape.
 */
final class ApiErrors {

    /** RFC 9457's media type for problem details. */
    static final String PROBLEM_JSON = "application/problem+json";
    static final MediaType PROBLEM_JSON_TYPE = MediaType.of(PROBLEM_JSON);
    static final String TYPE_PREFIX = "urn:dialog:problem:";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiErrors() {}

    /** A refusal the status names well enough; {@code reason} says what to do about it. */
    static HttpResponse<String> of(HttpStatus status, String reason) {
        return respond(status, body("about:blank", status.getReason(), status, reason));
    }

    /**
     * Input that parsed as JSON but breaks the rules: each problem with the path of its node.
     *
     * @param error the kind of refusal ("invalid segment"), which is also the {@code title} and names the {@code type}
     */
    static HttpResponse<String> invalid(HttpStatus status, String error, List<Problem> problems) {
        ObjectNode body = body(type(error), error, status,
                problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        ArrayNode list = body.putArray("errors");
        for (Problem problem : problems) {
            list.addObject().put("path", problem.field()).put("message", problem.reason());
        }
        return respond(status, body);
    }

    /** {@code "invalid segment"} → {@code urn:dialog:problem:invalid-segment}. */
    static String type(String error) {
        return TYPE_PREFIX + error.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static ObjectNode body(String type, String title, HttpStatus status, String detail) {
        return MAPPER.createObjectNode()
                .put("type", type)
                .put("title", title)
                .put("status", status.getCode())
                .put("detail", detail);
    }

    private static MutableHttpResponse<String> respond(HttpStatus status, ObjectNode body) {
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON_TYPE).body(body.toString());
    }
}
