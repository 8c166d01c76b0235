package no.dialog.ocrimport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real handler on a real application context, against DynamoDB Local (payments, contacts, tenants, run
 * files), ElasticMQ (responses queue, DLQ), S3Proxy (imports and exports buckets) and WireMock standing in for
 * EventBridge, fed with events/ocr-import/ and the OCR files in events/ocr/.
 */
class OcrImportHandlerTest {

    private static final String IMPORTS = "dialog-imports-local-000000000000";
    private static final String EXPORTS = "ocr-import-test-exports";
    private static final String INVOICE_ACCOUNT = "15030067890";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), OsloTime.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Emulators emulators;
    private static WireMockServer eventBridge;
    private static ApplicationContext context;
    private static OcrImportHandler handler;
    private static String responsesUrl;
    private static String dlqUrl;

    @BeforeAll
    static void startFunction() {
        emulators = SharedEmulators.get();
        eventBridge = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        eventBridge.start();
        emulators.s3().createBucket(b -> b.bucket(IMPORTS));
        emulators.s3().createBucket(b -> b.bucket(EXPORTS));
        responsesUrl = emulators.sqs().createQueue(b -> b.queueName("ocr-import-test-responses")).queueUrl();
        dlqUrl = emulators.sqs().createQueue(b -> b.queueName("ocr-import-test-dlq")).queueUrl();
        // The function's environment as template.yaml gives it.
        Map<String, Object> env = new HashMap<>();
        env.put("PAYMENTS_TABLE", TestTables.payments(emulators.dynamoDb()));
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("RUN_FILES_TABLE", TestTables.runFiles(emulators.dynamoDb()));
        env.put("RESPONSES_QUEUE_URL", responsesUrl);
        env.put("EVENT_BUS_NAME", "dialog-test");
        env.put("OCR_IMPORTS_DLQ_URL", dlqUrl);
        env.put("EXPORTS_BUCKET", EXPORTS);
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(),
                URI.create(eventBridge.baseUrl())), CLOCK);
        handler = new OcrImportHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        eventBridge.stop();
    }

    @BeforeEach
    void busAccepts() {
        drain(responsesUrl);
        drain(dlqUrl);
        eventBridge.resetAll();
        eventBridge.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}")));
    }

    /**
     * A tenant of the test's own, with contacts c-1 and c-2 and the two steps numbered 1 and 2 in the order
     * the fixtures' KIDs expect (events/ocr/README.md), and the invoice account of the second assignment.
     */
    private static TenantId tenantWithNumbers(String id) {
        TenantId tenant = TenantId.of(id);
        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(tenant, "Giroforeningen", CLOCK.instant(),
                Map.of("ocr.invoiceAccounts", INVOICE_ACCOUNT)));
        TenantNumbers numbers = context.getBean(TenantNumbers.class);
        assertThat(numbers.contactNumber(tenant, "c-1")).isEqualTo(1);
        assertThat(numbers.contactNumber(tenant, "c-2")).isEqualTo(2);
        assertThat(numbers.stepNumber(tenant, "autumn-appeal", 1, "letter")).isEqualTo(1);
        assertThat(numbers.stepNumber(tenant, "membership-2027", 2, "invoice-letter")).isEqualTo(2);
        ContactJson contacts = new ContactJson(CLOCK);
        for (String contact : List.of("c-1", "c-2")) {
            context.getBean(ContactStore.class).upsert(tenant, contacts.read("{\"id\":\"" + contact
                    + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Kari\"}").contact());
        }
        return tenant;
    }

    /** The sample notification, naming {@code key} in {@code bucket} instead. */
    private static SQSEvent uploaded(String bucket, String key) {
        SQSEvent event = EventLoader.loadSQSEvent(EventFiles.path("ocr-import", "s3-ocr-file-uploaded.json").toString());
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        // S3 URL-encodes keys in notifications (spaces as '+').
        message.setBody(message.getBody().replace("ocr/demo/giro-mod10.ocr", key.replace(" ", "+"))
                .replace("\"name\":\"" + IMPORTS + "\"", "\"name\":\"" + bucket + "\""));
        return event;
    }

    private static SQSEvent put(String key, String fixture) {
        emulators.s3().putObject(b -> b.bucket(IMPORTS).key(key), RequestBody.fromFile(EventFiles.path("ocr", fixture)));
        return uploaded(IMPORTS, key);
    }

    private static JsonNode report(String key) throws Exception {
        return JSON.readTree(emulators.s3().getObjectAsBytes(b -> b.bucket(EXPORTS).key(key)).asUtf8String());
    }

    private static List<Message> drain(String queueUrl) {
        List<Message> all = new java.util.ArrayList<>();
        while (true) {
            List<Message> batch = emulators.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> emulators.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    private static List<String> busDetailTypes() {
        return eventBridge.getAllServeEvents().stream().map(e -> e.getRequest())
                .map(LoggedRequest::getBodyAsString).flatMap(body -> {
                    try {
                        List<String> types = new java.util.ArrayList<>();
                        JSON.readTree(body).path("Entries").forEach(entry -> types.add(entry.path("DetailType").asText()));
                        return types.stream();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).sorted().toList();
    }

    private static RegisteredPayment ledger(TenantId tenant, String reference) {
        return context.getBean(PaymentLedger.class).find(tenant, PaymentIds.of(PaymentSource.OCR_GIRO, reference))
                .orElseThrow().payment();
    }

    @Test
    void aGiroFileIsRegisteredOnceWithAReportAndTheSameFileAgainChangesNothing() throws Exception {
        TenantId demo = tenantWithNumbers("demo");
        SQSEvent event = put("ocr/demo/giro-mod10.ocr", "giro-mod10.ocr");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode report = report("reports/demo/ocr/giro-mod10.ocr.json");
        assertThat(report.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(report.get("transmissionNumber").asText()).isEqualTo("1000081");
        assertThat(report.get("registered").asInt()).isEqualTo(3);
        assertThat(report.get("unmatched").asInt()).isEqualTo(4);
        assertThat(report.get("skipped").asInt()).isEqualTo(1);
        assertThat(report.get("items")).hasSize(8);
        RegisteredPayment gift = ledger(demo, "1000081:0000001:0000001");
        assertThat(gift.contactId()).isEqualTo("c-1");
        assertThat(gift.kind()).isEqualTo(PaymentKind.GIFT);
        assertThat(gift.amountOre()).isEqualTo(25_000);
        assertThat(gift.attribution()).isEqualTo(new Attribution("autumn-appeal", 1, "letter", null, null));
        assertThat(ledger(demo, "1000081:0000002:0000001").kind()).as("the invoice account").isEqualTo(PaymentKind.INVOICE);
        List<Message> responses = drain(responsesUrl);
        assertThat(responses).hasSize(3).allSatisfy(m -> assertThat(m.body()).contains("\"paid\""));
        assertThat(busDetailTypes()).containsExactly("GiftReceived", "GiftReceived", "PaymentReceived");
        assertThat(context.getBean(UnmatchedPayments.class).open(demo, 10)).hasSize(4)
                .allSatisfy(payment -> assertThat(payment.source()).isEqualTo(PaymentSource.OCR_GIRO));

        // The same notification again (SQS at least once), and the same bytes under another name.
        eventBridge.resetRequests();
        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(put("ocr/demo/copy of giro.ocr", "giro-mod10.ocr"), null)
                .getBatchItemFailures()).isEmpty();

        assertThat(report("reports/demo/ocr/giro-mod10.ocr.json").get("status").asText())
                .as("the report of the import that did the work is kept").isEqualTo("IMPORTED");
        JsonNode copy = report("reports/demo/ocr/copy of giro.ocr.json");
        assertThat(copy.get("status").asText()).isEqualTo("ALREADY_IMPORTED");
        assertThat(copy.get("transmissionNumber").asText()).isEqualTo("1000081");
        assertThat(copy.get("registered").asInt()).isZero();
        assertThat(drain(responsesUrl)).as("no new paid responses").isEmpty();
        assertThat(busDetailTypes()).as("no new bus events").isEmpty();
        assertThat(context.getBean(UnmatchedPayments.class).open(demo, 10)).hasSize(4);
        assertThat(context.getBean(PaymentLedger.class).forContact(demo, "c-1")).hasSize(1);
        assertThat(context.getBean(PaymentLedger.class).forContact(demo, "c-2")).hasSize(2);
    }

    @Test
    void aDamagedFileIsRejectedWithItsLinesAndRegistersNothing() throws Exception {
        TenantId tenant = tenantWithNumbers("damaged");

        SQSBatchResponse response = handler.handleRequest(put("ocr/damaged/giro-corrupt.ocr", "giro-corrupt.ocr"), null);

        assertThat(response.getBatchItemFailures()).as("consumed: the report is the answer").isEmpty();
        assertThat(drain(dlqUrl)).isEmpty();
        JsonNode report = report("reports/damaged/ocr/giro-corrupt.ocr.json");
        assertThat(report.get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("registered").asInt()).isZero();
        List<Integer> lines = new java.util.ArrayList<>();
        report.get("errors").forEach(error -> {
            lines.add(error.get("line").asInt());
            assertThat(error.get("reason").asText()).isNotBlank();
        });
        assertThat(lines).contains(7, 9);
        assertThat(context.getBean(PaymentLedger.class).forContact(tenant, "c-1")).isEmpty();
        assertThat(context.getBean(PaymentLedger.class).forContact(tenant, "c-2")).isEmpty();
        assertThat(context.getBean(UnmatchedPayments.class).open(tenant, 10)).isEmpty();
        assertThat(drain(responsesUrl)).isEmpty();
        assertThat(busDetailTypes()).isEmpty();
    }

    @Test
    void keysThatAreNotATenantsOcrFileGoToTheDeadLetterQueueWithTheReason() {
        for (String key : List.of("ocr/giro-mod10.ocr", "ocr/Not A Tenant/giro.ocr", "demo/contacts/giro.ocr")) {
            SQSBatchResponse response = handler.handleRequest(uploaded(IMPORTS, key), null);
            assertThat(response.getBatchItemFailures()).as(key).isEmpty();
        }
        assertThat(drain(dlqUrl)).extracting(m -> m.messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
                .containsExactlyInAnyOrder(
                        "an OCR file key must be ocr/<tenant>/<file name>; this one has no tenant folder",
                        "an OCR file key must be ocr/<tenant>/<file name>; the tenant folder is not a tenant id"
                                + " (lower-case letters, digits and hyphens)",
                        "not an OCR file: the key does not start with 'ocr/'");
    }

    @Test
    void aFileOfAnUnknownTenantGoesToTheDeadLetterQueueAndWritesNoReport() {
        SQSBatchResponse response = handler.handleRequest(put("ocr/nobody/giro-mod10.ocr", "giro-mod10.ocr"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(drain(dlqUrl)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue()).contains("unknown tenant"));
        assertThat(emulators.s3().listObjectsV2(b -> b.bucket(EXPORTS).prefix("reports/nobody/")).contents()).isEmpty();
    }

    @Test
    void anS3FailureIsRetriedBySqsAndOnTheLastDeliveryGoesToTheDeadLetterQueueWithTheReason() {
        // A bucket that is not there: S3 answers NoSuchBucket, as it would answer a throttled or failing read.
        SQSEvent event = uploaded("no-such-bucket-" + System.nanoTime(), "ocr/demo/giro-mod10.ocr");

        SQSBatchResponse first = handler.handleRequest(event, null);
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId());
        assertThat(drain(dlqUrl)).isEmpty();

        event.getRecords().get(0).getAttributes().put("ApproximateReceiveCount", "5");
        SQSBatchResponse last = handler.handleRequest(event, null);
        assertThat(last.getBatchItemFailures()).isEmpty();
        assertThat(drain(dlqUrl)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue()).startsWith("failed 5 times"));
    }
}
