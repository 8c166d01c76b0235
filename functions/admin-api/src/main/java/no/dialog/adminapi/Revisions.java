package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A journey's revision as HTTP carries it: answers give it as {@code ETag: "3"} (and {@code revision}
 * in the body), writes name the revision they read in {@code If-Match: "3"}, so two staff editing the
 * same journey cannot overwrite each other unnoticed.
 */
final class Revisions {

    static final String IF_MATCH = "If-Match";
    static final String ETAG = "ETag";

    /** {@code 3}, {@code "3"} or {@code W/"3"}: what browsers and tools send back of an ETag. */
    private static final Pattern VALUE = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    /** The revision asked for (null: none given), or the refusal to answer with. */
    record Outcome(Long revision, HttpResponse<String> refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private Revisions() {}

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** For edits: without If-Match the caller cannot have read what they change (428). */
    static Outcome required(APIGatewayV2HTTPEvent request) {
        return required(request, "the journey's");
    }

    /** @param whose whose revision, for the 428 reason ("the settings'") */
    static Outcome required(APIGatewayV2HTTPEvent request, String whose) {
        Outcome outcome = optional(request);
        if (!outcome.refused() && outcome.revision() == null) {
            return new Outcome(null, ApiErrors.of(HttpStatus.PRECONDITION_REQUIRED,
                    "an If-Match header with " + whose + " revision (its ETag) is required"));
        }
        return outcome;
    }

    /** For status changes: If-Match may be left out, and then the stored revision is used. */
    static Outcome optional(APIGatewayV2HTTPEvent request) {
        String value = header(request.getHeaders(), IF_MATCH);
        if (value == null || value.isBlank()) {
            return new Outcome(null, null);
        }
        Matcher matcher = VALUE.matcher(value.strip());
        if (!matcher.matches()) {
            return new Outcome(null, ApiErrors.of(HttpStatus.BAD_REQUEST,
                    "If-Match must be a revision such as \"3\""));
        }
        return new Outcome(Long.parseLong(matcher.group(1)), null);
    }

    /** The revision a header ({@code If-Match}, {@code ETag}) names, or null when it names none or is not one. */
    static Long parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = VALUE.matcher(value.strip());
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
    }

    // HTTP API passes header names in lower case; a test or another proxy may not.
    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
