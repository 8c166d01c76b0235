package no.dialog.vipps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.payment.vipps.VippsWebhookSignature;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The vipps functions' real handlers on a real application context against DynamoDB Local (tenants,
 * contacts, payments) and ElasticMQ (Vipps events queue and DLQ, responses queue), with WireMock speaking
 * Vipps' API (access token, capture, Donations report) and EventBridge's, fed with events/vipps/.
 */
class VippsFunctionsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, OsloTime.ZONE);
    private static final String SECRET = "demo-webhook-secret-from-vipps";
    private static final String PATH = "/webhooks/vipps/demo";
    private static final Path EVENTS = Path.of("../../events/vipps");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Emulators emulators;
    private static WireMockServer vipps;
    private static WireMockServer eventBridge;
    private static ApplicationContext context;
    private static String eventsQueue;
    private static String eventsDlq;
    private static String responsesQueue;

    @BeforeAll
    static void start() {
        emulators = SharedEmulators.get();
        vipps = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        vipps.start();
        eventBridge = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        eventBridge.start();
        String tenants = TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant");
        eventsQueue = emulators.sqs().createQueue(b -> b.queueName("vipps-test-events")).queueUrl();
        eventsDlq = emulators.sqs().createQueue(b -> b.queueName("vipps-test-events-dlq")).queueUrl();
        responsesQueue = emulators.sqs().createQueue(b -> b.queueName("vipps-test-responses")).queueUrl();
        Map<String, Object> env = new HashMap<>();
        env.put("TENANTS_TABLE", tenants);
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("PAYMENTS_TABLE", TestTables.payments(emulators.dynamoDb()));
        env.put("RESPONSES_QUEUE_URL", responsesQueue);
        env.put("EVENT_BUS_NAME", "dialog-test");
        env.put("VIPPS_EVENTS_QUEUE_URL", eventsQueue);
        env.put("VIPPS_EVENTS_DLQ_URL", eventsDlq);
        env.put("VIPPS_BASE_URL", vipps.baseUrl());
        env.put("VIPPS_SETTINGS", "tenant-settings");
        env.put("PUBLIC_BASE_URL", "https://dlg.no");
        env.put("DIALOG_STAGE", "test");
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, URI.create(eventBridge.baseUrl())), CLOCK);
        new DynamoDbTenantDirectory(emulators.dynamoDb(), tenants).createIfAbsent(new Tenant(DEMO, "Demo", NOW, Map.of(
                "vipps.clientId", "client-1", "vipps.clientSecret", "secret-1", "vipps.subscriptionKey", "sub-1",
                "vipps.merchantSerialNumber", "123456", "vipps.webhookSecret", SECRET)));
    }

    @AfterAll
    static void stop() {
        context.close();
        vipps.stop();
        eventBridge.stop();
    }

    @BeforeEach
    void fresh() {
        for (String queue : List.of(eventsQueue, eventsDlq, responsesQueue)) {
            emulators.sqs().purgeQueue(b -> b.queueUrl(queue));
        }
        vipps.resetAll();
        vipps.stubFor(post("/accesstoken/get").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(read("api-accesstoken-response.json"))));
        eventBridge.resetAll();
        eventBridge.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}")));
    }

    private static String read(String name) {
        try {
            return Files.readString(EVENTS.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPEvent webhook(String path, byte[] body, Map<String, String> headers) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST").withPath(path).withSourceIp("203.0.113.7").build();
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        lower.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withBody(new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false).withHeaders(lower)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build()).build();
    }

    private static APIGatewayV2HTTPResponse deliver(String fixture, String secret) {
        byte[] body = read(fixture).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = VippsWebhookSignature.sign(secret, "dlg.no", PATH, body, NOW.minusSeconds(2));
        return new VippsWebhookHandler(context).execute(webhook(PATH, body, headers));
    }

    private static List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = emulators.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0).messageAttributeNames("All"))
                    .messages();
            for (Message m : batch) {
                all.add(m);
                emulators.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }

    private static SQSBatchResponse process(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setBody(m.body());
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            record.setEventSourceArn("arn:aws:sqs:eu-north-1:000000000000:vipps-test-events");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return new VippsEventsHandler(context).execute(event);
    }

    private static List<Signal> responses() {
        return drain(responsesQueue).stream().map(m -> SignalMessages.parse(m.body()).signal()).toList();
    }

    @Test
    void aSignedWebhookIsQueuedAndEveryRefusalLooksTheSame() throws Exception {
        assertThat(deliver("epayment-captured.json", SECRET).getStatusCode()).isEqualTo(200);
        assertThat(drain(eventsQueue)).hasSize(1);

        byte[] body = read("epayment-captured.json").getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPResponse forged = deliver("epayment-captured.json", "someone-elses-secret");
        APIGatewayV2HTTPResponse unsigned = new VippsWebhookHandler(context).execute(webhook(PATH, body, Map.of()));
        Map<String, String> stale = VippsWebhookSignature.sign(SECRET, "dlg.no", PATH, body, NOW.minusSeconds(3600));
        APIGatewayV2HTTPResponse old = new VippsWebhookHandler(context).execute(webhook(PATH, body, stale));
        Map<String, String> otherTenantPath = VippsWebhookSignature.sign(SECRET, "dlg.no", "/webhooks/vipps/other", body, NOW);
        APIGatewayV2HTTPResponse unknownTenant = new VippsWebhookHandler(context)
                .execute(webhook("/webhooks/vipps/other", body, otherTenantPath));
        APIGatewayV2HTTPResponse notATenant = new VippsWebhookHandler(context)
                .execute(webhook("/webhooks/vipps/NOT..valid", body, Map.of()));

        for (APIGatewayV2HTTPResponse refused : List.of(forged, unsigned, old, unknownTenant, notATenant)) {
            assertThat(refused.getStatusCode()).isEqualTo(401);
            assertThat(refused.getBody()).isEqualTo(forged.getBody());
        }
        assertThat(forged.getBody()).doesNotContain("signature").doesNotContain("tenant");

        byte[] notAnEvent = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPResponse malformed = new VippsWebhookHandler(context).execute(
                webhook(PATH, notAnEvent, VippsWebhookSignature.sign(SECRET, "dlg.no", PATH, notAnEvent, NOW)));
        assertThat(malformed.getStatusCode()).isEqualTo(400);

        assertThat(drain(eventsQueue)).isEmpty();
    }

    @Test
    void anAuthorisedGiftIsCapturedAndTheCaptureRegistersItOnceAgainstTheJourney() throws Exception {
        JsonNode captured = MAPPER.readTree(read("epayment-captured.json"));
        String reference = captured.path("reference").asText();
        contacts().upsert(DEMO, new Contact("M-700001", NOW.minusSeconds(86_400), "Kari", "Nordmann", null,
                "+4791234567", null, null, null, null, null, null, null, null, null, null));
        context.getBean(VippsPaymentStore.class).create(DEMO, new VippsPaymentStore.Started(reference, "M-700001", false,
                25_000, new Attribution("christmas", 1, "ask", "A", "E-1"), null, "CREATED", NOW.minusSeconds(120),
                NOW.minusSeconds(120), null));
        vipps.stubFor(post(urlPathEqualTo("/epayment/v1/payments/" + reference + "/capture")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(read("api-capture-response.json"))));

        assertThat(deliver("epayment-authorized.json", SECRET).getStatusCode()).isEqualTo(200);
        assertThat(process(drain(eventsQueue)).getBatchItemFailures()).isEmpty();
        vipps.verify(1, postRequestedFor(urlPathEqualTo("/epayment/v1/payments/" + reference + "/capture"))
                .withHeader("Idempotency-Key", equalTo(reference + "-capture")));

        deliver("epayment-captured.json", SECRET);
        deliver("epayment-captured.json", SECRET);
        assertThat(process(drain(eventsQueue)).getBatchItemFailures()).isEmpty();

        String paymentId = PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, reference);
        RegisteredPayment gift = context.getBean(PaymentLedger.class).find(DEMO, paymentId).orElseThrow().payment();
        assertThat(gift.contactId()).isEqualTo("M-700001");
        assertThat(gift.amountOre()).isEqualTo(25_000);
        assertThat(gift.attribution().journeyId()).isEqualTo("christmas");
        List<Signal> paid = responses().stream().filter(s -> s.type().equals("paid")).toList();
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).journeyId()).isEqualTo("christmas");
        assertThat(paid.get(0).attributes()).containsEntry("amountOre", "25000");
        assertThat(eventBridge.getAllServeEvents()).anyMatch(e -> e.getRequest().getBodyAsString().contains("GiftReceived"));
        assertThat(drain(eventsDlq)).isEmpty();
    }

    @Test
    void aGiftInTheAppFromAnUnknownNumberStartsTheIdentificationFlow() {
        vipps.stubFor(get(urlPathEqualTo("/donations/v1/reports/payments")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"from":"2026-11-29T10:00:00Z","to":"2026-11-30T10:00:00Z","payments":[
                         {"recipientHandle":"NO:123456","paymentDateTimeUtc":"2026-11-30T09:40:00Z","amount":30000,
                          "currency":"NOK","externalReference":null,"agreementId":null,"pspReference":"9900112233",
                          "message":null,"payer":{"name":"Nora Giver","phoneNumber":"4798000111"}}]}""")));

        Map<String, Object> first = new VippsDonationsHandler(context).execute(Map.of());
        Map<String, Object> again = new VippsDonationsHandler(context).execute(Map.of());

        assertThat(first).containsEntry("registered", 1).containsEntry("candidates", 1);
        assertThat(again).containsEntry("registered", 0);
        List<Signal> paid = responses().stream().filter(s -> s.type().equals("paid")).toList();
        assertThat(paid).hasSize(1);
        Contact candidate = contacts().find(DEMO, paid.get(0).contactId()).orElseThrow();
        assertThat(candidate.id()).startsWith("candidate-");
        assertThat(candidate.phone()).isEqualTo("+4798000111");
        assertThat(candidate.donor().lastGiftAmountOre()).isEqualTo(30_000);
        assertThat(eventBridge.getAllServeEvents()).anyMatch(e -> e.getRequest().getBodyAsString()
                .contains("GiverCandidateFound"));
    }

    @Test
    void aMalformedQueuedEventGoesToTheDeadLetterQueueWithItsReason() {
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("m-1");
        record.setBody("{\"tenant\":\"demo\",\"event\":\"{\\\"nothing\\\":true}\"}");
        record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        event.setRecords(List.of(record));

        SQSBatchResponse response = new VippsEventsHandler(context).execute(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> dead = drain(eventsDlq);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().toString() + dead.get(0).body()).contains("malformed Vipps event");
    }

    private static ContactStore contacts() {
        return context.getBean(ContactStore.class);
    }
}
