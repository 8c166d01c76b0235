package no.dialog.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the webhooks read it: method, path, headers (names in lower case, as HTTP APIs
 * send them), query parameters and the raw body bytes (API Gateway base64-encodes bodies it does not
 * take for text, such as CSV files of some clients).
 */
record WebhookRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {

    static WebhookRequest from(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "GET" : event.getRequestContext().getHttp().getMethod();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        String body = event.getBody();
        byte[] bytes = body == null ? new byte[0]
                : event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(method.toUpperCase(Locale.ROOT), event.getRawPath(), headers, query, bytes);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The media type without parameters, in lower case; empty when absent. */
    String mediaType() {
        String type = headers.getOrDefault("content-type", "");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
