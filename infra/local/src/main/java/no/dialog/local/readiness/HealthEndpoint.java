package no.dialog.local.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.dialog.local.gateway.GatewayResponse;
import no.dialog.local.gateway.RouteInterceptor;
import no.dialog.local.readiness.Readiness.State;

/**
 * {@code GET /health} in the local stack. In AWS it is the admin-api function's route and answers
 * {@code {"status":"ok"}}; locally "the API answers" is not enough, because the demo organisation arrives
 * through the import pipeline after the gateway is up. So:
 * <ul>
 *   <li>while starting, the gateway answers by itself, without invoking the function: 503 (with
 *       {@code Retry-After}) and {@code {"status":"starting","demo":{"imported":n,"of":5000},"work":[...]}};
 *       {@code "status":"failed"} with a {@code reason} when the demo import was rejected;</li>
 *   <li>once ready, the function answers as in AWS (same status and body), and the local stack adds its
 *       own fields to a JSON object answer: {@code "demo"} and, while there is any, {@code "work"} (long
 *       work in progress: imports, runs being closed, snapshots rebuilt; {@link WorkInProgress}).</li>
 * </ul>
 * So a client that waits for HTTP 200 (or {@code "status":"ok"}) from {@code /health} waits until the
 * demo organisation is complete, locally and in AWS alike.
 */
public final class HealthEndpoint implements RouteInterceptor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Readiness readiness;
    private final Supplier<List<Work>> work;

    public HealthEndpoint(Readiness readiness, Supplier<List<Work>> work) {
        this.readiness = readiness;
        this.work = work;
    }

    @Override
    public GatewayResponse intercept(String method, Supplier<GatewayResponse> route) {
        State state = readiness.state();
        if (!state.ready()) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return route.get(); // the route's own answer to other methods
            }
            ObjectNode body = MAPPER.createObjectNode();
            body.put("status", state.status() == Readiness.Status.FAILED ? "failed" : "starting");
            if (state.reason() != null) {
                body.put("reason", state.reason());
            }
            addLocal(body, state);
            GatewayResponse json = GatewayResponse.json(503, body.toString());
            List<Map.Entry<String, String>> headers = new ArrayList<>(json.headers());
            headers.add(Map.entry("Retry-After", "2"));
            headers.add(Map.entry("Cache-Control", "no-store"));
            return new GatewayResponse(503, headers, json.body());
        }
        GatewayResponse answer = route.get();
        if (answer.status() != 200) {
            return answer;
        }
        try {
            JsonNode parsed = MAPPER.readTree(answer.body());
            if (!(parsed instanceof ObjectNode body)) {
                return answer;
            }
            addLocal(body, state);
            return new GatewayResponse(answer.status(), answer.headers(), body.toString().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException e) {
            return answer; // not JSON: the function's answer as it is
        }
    }

    private void addLocal(ObjectNode body, State state) {
        if (state.of() > 0) {
            body.putObject("demo").put("imported", state.imported()).put("of", state.of());
        }
        List<Work> now = work.get();
        if (!now.isEmpty()) {
            ArrayNode list = body.putArray("work");
            for (Work w : now) {
                ObjectNode item = list.addObject().put("kind", w.kind()).put("tenant", w.tenant()).put("what", w.what())
                        .put("state", w.state());
                if (w.percent() != null) {
                    item.put("percent", w.percent());
                }
                item.put("detail", w.detail()).put("at", w.at().toString());
            }
        }
    }
}
