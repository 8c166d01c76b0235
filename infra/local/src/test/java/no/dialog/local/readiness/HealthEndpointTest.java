package no.dialog.local.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.local.gateway.GatewayResponse;
import no.dialog.local.readiness.Readiness.State;
import no.dialog.local.readiness.Readiness.Status;
import org.junit.jupiter.api.Test;

/** {@code GET /health} in the local stack: "starting" by the gateway, then the function's answer with the local readiness. */
class HealthEndpointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Readiness readiness = new Readiness(5000);
    private final AtomicInteger invocations = new AtomicInteger();
    private List<Work> work = List.of();
    private final HealthEndpoint health = new HealthEndpoint(readiness, () -> work);

    private GatewayResponse function() {
        invocations.incrementAndGet();
        return new GatewayResponse(200, List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-Fn", "1")),
                "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(GatewayResponse response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    @Test
    void whileTheDemoIsImportedItSaysStartingWithTheProgressAndLeavesTheFunctionAlone() throws Exception {
        readiness.update(new State(Status.STARTING, 1234, 5000, null));
        work = List.of(new Work("import", "demo", "demo/contacts/demo-organisation.ndjson", "running", 40,
                "2,000 lines read", Instant.parse("2026-12-06T12:00:00Z")));

        GatewayResponse response = health.intercept("GET", this::function);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).contains(Map.entry("Retry-After", "2"));
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("starting");
        assertThat(body.get("demo").toString()).isEqualTo("{\"imported\":1234,\"of\":5000}");
        assertThat(body.at("/work/0/percent").asInt()).isEqualTo(40);
        assertThat(invocations).hasValue(0);
    }

    @Test
    void onceReadyItIsTheFunctionsAnswerWithTheDemoAdded() throws Exception {
        readiness.update(new State(Status.READY, 5000, 5000, null));

        GatewayResponse response = health.intercept("GET", this::function);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).contains(Map.entry("X-Fn", "1"));
        assertThat(json(response).toString()).isEqualTo("{\"status\":\"ok\",\"demo\":{\"imported\":5000,\"of\":5000}}");
        assertThat(invocations).hasValue(1);
    }

    @Test
    void aFailedDemoImportSaysWhy() throws Exception {
        readiness.update(new State(Status.FAILED, 0, 5000, "the demo contact file was rejected: no such tenant"));

        GatewayResponse response = health.intercept("GET", this::function);

        assertThat(response.status()).isEqualTo(503);
        assertThat(json(response).get("status").asText()).isEqualTo("failed");
        assertThat(json(response).get("reason").asText()).contains("no such tenant");
    }

    @Test
    void readyIsFinalAndAwaitReturnsOnIt() throws Exception {
        Thread later = new Thread(() -> {
            sleep(100);
            readiness.update(new State(Status.READY, 5000, 5000, null));
        });
        later.start();
        assertThat(readiness.await(Duration.ofSeconds(10)).ready()).isTrue();
        readiness.update(new State(Status.STARTING, 0, 5000, null));
        assertThat(readiness.state().ready()).as("ready never goes back").isTrue();
    }

    @Test
    void otherMethodsGetTheRoutesOwnAnswer() {
        assertThat(health.intercept("POST", this::function).status()).isEqualTo(200);
        assertThat(invocations).hasValue(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
