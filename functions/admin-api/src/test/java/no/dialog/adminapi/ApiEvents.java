package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests built from the sample payloads in events/admin-api, changed only where a test says so. */
final class ApiEvents {

    private ApiEvents() {}

    static APIGatewayV2HTTPEvent load(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return EventLoader.loadApiGatewayHttpEvent(dir.resolve("events/admin-api").resolve(name).toString());
    }

    /** A staff request of demo's editor (the sample's claims) with another method, path and body. */
    static APIGatewayV2HTTPEvent request(String method, String path, String body) {
        APIGatewayV2HTTPEvent event = load("create-segment.json");
        event.setRawPath(path);
        event.setRouteKey(null);
        event.getRequestContext().setRouteKey(null);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setBody(body);
        return event;
    }

    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.put(name.toLowerCase(Locale.ROOT), value);
        event.setHeaders(headers);
        return event;
    }

    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> query = new HashMap<>(event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters());
        query.put(name, value);
        event.setQueryStringParameters(query);
        event.setRawQueryString(query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return event;
    }

    static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, String tenant, String roles) {
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("tenant", tenant);
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("roles", roles);
        return event;
    }
}
