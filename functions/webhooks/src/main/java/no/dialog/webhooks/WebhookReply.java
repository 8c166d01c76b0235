package no.dialog.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.aws.http.SecurityHeaders;

/** What a webhook answers: a status, a content type and a body (JSON for providers, HTML for people). */
record WebhookReply(int status, String contentType, String body, Map<String, String> extraHeaders) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static WebhookReply json(int status, ObjectNode body) {
        return new WebhookReply(status, "application/json", body.toString(), Map.of());
    }

    /**
     * An error for a provider, as RFC 9457 problem details, the shape of every JSON error of Dialog's HTTP
     * API ({@code application/problem+json}: {@code {"type": "about:blank", "title": "Unauthorized",
     * "status": 401, "detail": reason}}); the reason never holds personal data.
     */
    static WebhookReply error(int status, String reason) {
        ObjectNode problem = MAPPER.createObjectNode().put("type", "about:blank").put("title", title(status))
                .put("status", status).put("detail", reason);
        return new WebhookReply(status, "application/problem+json", problem.toString(), Map.of());
    }

    /** The status's reason phrase (RFC 9110), the problem's title when its type is about:blank. */
    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }

    static WebhookReply html(int status, String page) {
        return new WebhookReply(status, "text/html; charset=utf-8", page, Map.of());
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    WebhookReply withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new WebhookReply(status, contentType, body, headers);
    }

    /** With the public routes' security headers; the unsubscribe pages' policy allows their style and form. */
    APIGatewayV2HTTPResponse toResponse() {
        Map<String, String> headers = SecurityHeaders.of(contentType, contentType.startsWith("text/html")
                ? SecurityHeaders.pagePolicy(UnsubscribePages.STYLE, "'self'") : SecurityHeaders.NOTHING);
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
