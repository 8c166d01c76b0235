package no.dialog.local.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import no.dialog.local.clock.LocalClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Talks to the local EventBridge through the real AWS SDK client, as Dialog's code will. */
class EventBridgeEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUS = "dialog-dev";

    private static final List<String> contactTarget = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> giftTarget = Collections.synchronizedList(new ArrayList<>());
    private static LocalEventBus events;
    private static HttpServer server;
    private static URI endpoint;
    private static EventBridgeClient client;

    @BeforeAll
    static void startEndpoint() throws Exception {
        events = new LocalEventBus(LocalClock.fixedAt(Instant.parse("2026-03-02T09:00:00Z")), Runnable::run);
        events.createBus(BUS);
        events.addRule("contacts", BUS, "{\"source\":[\"org.system\"],\"detail-type\":[\"ContactChanged\"]}", contactTarget::add);
        events.addRule("gifts", BUS, "{\"detail-type\":[\"GiftReceived\"]}", giftTarget::add);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new EventBridgeEndpoint(events));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopEndpoint() {
        client.close();
        server.stop(0);
    }

    @BeforeEach
    void clearTargets() {
        contactTarget.clear();
        giftTarget.clear();
    }

    @Test
    void putsEventsFromTheSdkOnTheLocalBus() throws Exception {
        PutEventsResponse response = client.putEvents(request -> request.entries(
                entry("org.system", "ContactChanged", "{\"tenant\":\"demo\",\"contactId\":\"c-1\"}"),
                entry("org.system", "MembershipApplied", "{\"tenant\":\"demo\"}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).hasSize(2).allSatisfy(result -> assertThat(result.eventId()).isNotBlank());
        assertThat(contactTarget).hasSize(1);
        assertThat(giftTarget).isEmpty();
        JsonNode envelope = JSON.readTree(contactTarget.get(0));
        assertThat(envelope.get("id").asText()).isEqualTo(response.entries().get(0).eventId());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("ContactChanged");
        assertThat(envelope.get("time").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(envelope.get("detail").get("contactId").asText()).isEqualTo("c-1");
    }

    @Test
    void takesTheTimeAndResourcesTheSdkSends() throws Exception {
        client.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
                .source("dialog.vipps").detailType("GiftReceived").detail("{\"tenant\":\"demo\",\"amount\":200}")
                .eventBusName(EventEnvelope.busArn(BUS))
                .time(Instant.parse("2026-02-14T12:30:45.250Z"))
                .resources("arn:aws:dynamodb:eu-north-1:000000000000:table/ledger")
                .build()));

        assertThat(giftTarget).hasSize(1);
        JsonNode envelope = JSON.readTree(giftTarget.get(0));
        assertThat(envelope.get("time").asText()).isEqualTo("2026-02-14T12:30:45Z");
        assertThat(envelope.get("resources").get(0).asText()).isEqualTo("arn:aws:dynamodb:eu-north-1:000000000000:table/ledger");
    }

    @Test
    void returnsABadDetailAsAFailedEntry() {
        PutEventsResponse response = client.putEvents(request -> request.entries(
                entry("org.system", "ContactChanged", "not json"),
                entry("org.system", "ContactChanged", "{\"tenant\":\"demo\"}")));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.entries().get(0).errorCode()).isEqualTo("MalformedDetail");
        assertThat(response.entries().get(0).errorMessage()).isEqualTo("Detail is malformed.");
        assertThat(response.entries().get(0).eventId()).isNull();
        assertThat(response.entries().get(1).eventId()).isNotBlank();
        assertThat(contactTarget).hasSize(1);
    }

    @Test
    void refusesMoreThanTenEntriesWithAValidationException() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> entry("org.system", "ContactChanged", "{}")).toList();

        assertThatThrownBy(() -> client.putEvents(request -> request.entries(eleven)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 10");
                });
        assertThat(contactTarget).isEmpty();
    }

    @Test
    void answersAnUnknownOperationLikeAws() throws Exception {
        HttpResponse<String> response = post("AWSEvents.ListRules", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(EventBridgeEndpoint.CONTENT_TYPE);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.get("message").asText()).contains("AWSEvents.ListRules");
    }

    @Test
    void answersMalformedJsonWithASerializationException() throws Exception {
        HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void answersWrongTypesWithASerializationException() throws Exception {
        HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\":[{\"Source\":42}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.get("message").asText()).contains("Source");
    }

    @Test
    void acceptsAHandWrittenRequestLikeTheCliSends() throws Exception {
        HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\":[{\"Source\":\"org.system\","
                + "\"DetailType\":\"ContactChanged\",\"Detail\":\"{\\\"tenant\\\":\\\"demo\\\"}\","
                + "\"EventBusName\":\"" + BUS + "\",\"Time\":\"2026-01-01T10:00:00+01:00\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("FailedEntryCount").asInt()).isZero();
        assertThat(body.get("Entries").get(0).get("EventId").asText()).isNotBlank();
        assertThat(JSON.readTree(contactTarget.get(0)).get("time").asText()).isEqualTo("2026-01-01T09:00:00Z");
    }

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder()
                .source(source).detailType(detailType).detail(detail).eventBusName(BUS).build();
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", EventBridgeEndpoint.CONTENT_TYPE)
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
