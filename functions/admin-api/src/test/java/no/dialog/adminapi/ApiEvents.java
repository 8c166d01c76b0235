package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, String tenant, String roles) {
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("tenant", tenant);
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("roles", roles);
        return event;
    }
}
