package no.dialog.aws.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.payment.PaymentEvents.BusEvent;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The payments publisher against WireMock speaking EventBridge's JSON protocol (as the webhooks function's
 * tests stand in for the bus): what goes on the wire, batches of ten, and refused entries.
 */
class EventBridgePaymentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId TENANT = TenantId.of("redcross");
    private static WireMockServer bus;
    private static EventBridgeClient client;

    @BeforeAll
    static void start() {
        bus = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        bus.start();
        client = EventBridgeClient.builder().endpointOverride(URI.create(bus.baseUrl())).region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        bus.stop();
    }

    @BeforeEach
    void accepting() {
        bus.resetAll();
        answer("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}");
    }

    private static void answer(String body) {
        bus.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static BusEvent gift(int n) {
        return new BusEvent("GiftReceived", JSON.createObjectNode().put("tenant", "redcross")
                .put("paymentId", "vipps-app-" + n).put("amountOre", 10_000));
    }

    private static List<JsonNode> entries(LoggedRequest request) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(request.getBodyAsString()).get("Entries").forEach(entries::add);
        return entries;
    }

    @Test
    void eventsGoToTheBusWithTheirSourceTypeAndDetail() throws Exception {
        new EventBridgePaymentEvents(client, "dialog-test").publish(TENANT, List.of(gift(1)));

        bus.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents")));
        JsonNode entry = entries(bus.getAllServeEvents().get(0).getRequest()).get(0);
        assertThat(entry.get("EventBusName").asText()).isEqualTo("dialog-test");
        assertThat(entry.get("Source").asText()).isEqualTo("dialog.payments");
        assertThat(entry.get("DetailType").asText()).isEqualTo("GiftReceived");
        assertThat(JSON.readTree(entry.get("Detail").asText()).get("paymentId").asText()).isEqualTo("vipps-app-1");
    }

    @Test
    void moreThanTenGoInBatchesOfTen() throws Exception {
        List<BusEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            events.add(gift(i));
        }
        new EventBridgePaymentEvents(client, "dialog-test").publish(TENANT, events);

        List<Integer> sizes = new ArrayList<>();
        for (var served : bus.getAllServeEvents()) {
            sizes.add(entries(served.getRequest()).size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(10, 10, 3);
    }

    @Test
    void aRefusedEntryFailsThePublishing() {
        answer("{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"x\"}]}");
        assertThatThrownBy(() -> new EventBridgePaymentEvents(client, "dialog-test").publish(TENANT, List.of(gift(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused 1 dialog.payments");
    }

    @Test
    void withoutABusNothingIsSentAndItIsAWiringError() {
        assertThatThrownBy(() -> new EventBridgePaymentEvents(client, "").publish(TENANT, List.of(gift(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no event bus");
        new EventBridgePaymentEvents(client, "").publish(TENANT, List.of());
        bus.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Entries")));
    }
}
