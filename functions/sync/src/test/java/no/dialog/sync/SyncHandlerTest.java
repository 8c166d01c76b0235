package no.dialog.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import no.dialog.aws.config.FunctionContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureIds;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real handler, on a real application context, against the emulators, fed with the payloads in
 * events/sync (the same files {@code sam local invoke -e} would use).
 */
class SyncHandlerTest {

    private static final String BUCKET = "dialog-imports-local-000000000000";
    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Emulators emulators;
    private static ApplicationContext context;
    private static SyncHandler handler;
    private static Map<String, String> queues;

    @BeforeAll
    static void startFunction() {
        emulators = SharedEmulators.get();
        var sqs = emulators.sqs();
        queues = new HashMap<>();
        for (String name : List.of("IMPORTS_QUEUE_URL", "IMPORTS_DLQ_URL", "CONTACT_EVENTS_QUEUE_URL", "CONTACT_EVENTS_DLQ_URL",
                "ERASURES_QUEUE_URL")) {
            queues.put(name, sqs.createQueue(b -> b.queueName("sync-test-" + name.toLowerCase().replace('_', '-'))).queueUrl());
        }
        emulators.s3().createBucket(b -> b.bucket(BUCKET));
        Map<String, Object> env = new HashMap<>(queues);
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("IMPORTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "imports", "pk"));
        env.put("ERASURES_TABLE", TestTables.erasures(emulators.dynamoDb()));
        // What Lambda would have: the function's environment from template.yaml, and endpoints from config.
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null), CLOCK);
        handler = new SyncHandler(context);
        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo", CLOCK.instant()));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static SQSEvent event(String name) {
        return EventLoader.loadSQSEvent(fixture(name).toString());
    }

    private static Path fixture(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return dir.resolve("events/sync").resolve(name);
    }

    private static List<Message> drain(String queueEnvName) {
        return emulators.sqs().receiveMessage(b -> b.queueUrl(queues.get(queueEnvName)).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
    }

    @Test
    void anUploadedFileImportsTheGoodRowsAndWritesAReportOfTheBadOnes() throws Exception {
        emulators.s3().putObject(b -> b.bucket(BUCKET).key("demo/contacts/contacts-with-bad-rows.ndjson"),
                RequestBody.fromFile(fixture("contacts-with-bad-rows.ndjson")));

        SQSBatchResponse response = handler.handleRequest(event("s3-contact-file-uploaded.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        ContactStore contacts = context.getBean(ContactStore.class);
        assertThat(contacts.find(DEMO, "M-200001")).isPresent();
        assertThat(contacts.find(DEMO, "M-200007").orElseThrow().phone()).isEqualTo("+4790011223");
        assertThat(contacts.find(DEMO, "M-200002")).as("the row with a bad phone is not imported").isEmpty();
        JsonNode report = MAPPER.readTree(emulators.s3().getObjectAsBytes(b -> b.bucket(BUCKET)
                .key("demo/contacts/contacts-with-bad-rows.ndjson.report.json")).asUtf8String());
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void aChangeEventUpdatesTheContactAndSchedulesOneReplay() {
        SQSEvent event = event("contact-changed.json");
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace("M-100001", "M-300001"));
        int delayedBefore = delayedReplays();

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        var kari = context.getBean(ContactStore.class).find(DEMO, "M-300001").orElseThrow();
        assertThat(kari.lastName()).isEqualTo("Nordmann-Berg");
        assertThat(kari.address().postcode()).isEqualTo("0159");
        assertThat(delayedReplays()).isEqualTo(delayedBefore + 1);
    }

    private static int delayedReplays() {
        var attributes = emulators.sqs().getQueueAttributes(b -> b.queueUrl(queues.get("CONTACT_EVENTS_QUEUE_URL"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    @Test
    void aRedeliveredChangeEventChangesNothingTheSecondTime() {
        handler.handleRequest(event("contact-changed.json"), null);
        var before = context.getBean(ContactStore.class).find(DEMO, "M-100001").orElseThrow();

        SQSBatchResponse again = handler.handleRequest(event("contact-changed.json"), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(context.getBean(ContactStore.class).find(DEMO, "M-100001")).contains(before);
    }

    @Test
    void aDeletionEventRemovesTheContact() {
        ContactStore contacts = context.getBean(ContactStore.class);
        contacts.upsert(DEMO, new no.dialog.core.contact.ContactJson(CLOCK).read(
                "{\"id\":\"M-100003\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"Ingrid\"}").contact());

        handler.handleRequest(event("contact-deleted.json"), null);

        assertThat(contacts.find(DEMO, "M-100003")).isEmpty();
    }

    @Test
    void anErasureEventFromTheRegisterRecordsOneErasureAndQueuesItForTheEraseFunction() {
        SQSEvent event = event("contact-erased.json");
        String eventId = "3e5a7c9b-2d4f-4a6b-8c0d-1e2f3a4b5c6d";
        String erasureId = ErasureIds.forRegisterEvent(DEMO, eventId);

        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(event("contact-erased.json"), null).getBatchItemFailures())
                .as("a redelivery").isEmpty();

        Erasure erasure = context.getBean(ErasureLog.class).find(DEMO, erasureId).orElseThrow();
        assertThat(erasure.contactId()).isEqualTo("M-100003");
        assertThat(erasure.source()).isEqualTo(Erasure.Source.REGISTER);
        assertThat(erasure.state()).isEqualTo(Erasure.State.REQUESTED);
        List<Message> queued = drain("ERASURES_QUEUE_URL");
        assertThat(queued).isNotEmpty().allSatisfy(m -> assertThat(ErasureMessages.parse(m.body()))
                .isEqualTo(new ErasureMessages.Run(DEMO, erasureId)));
        assertThat(queued).allSatisfy(m -> assertThat(m.body()).doesNotContain("M-100003"));
    }

    @Test
    void anUnknownEventTypeGoesToTheDeadLetterQueueWithItsReasonAndChangesNothing() {
        SQSBatchResponse response = handler.handleRequest(event("unknown-detail-type.json"), null);

        assertThat(response.getBatchItemFailures()).as("handled: it is in the DLQ, not retried").isEmpty();
        List<Message> dead = drain("CONTACT_EVENTS_DLQ_URL");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
                .contains("unknown detail-type 'ContactMerged'");
        assertThat(dead.get(0).body()).contains("ContactMerged");
    }

    @Test
    void aTransientFailureIsReportedForRetryAndOnTheLastDeliveryGoesToTheDlqWithAReason() {
        SQSEvent event = event("s3-contact-file-uploaded.json");
        // The notification names a file that is not (or no longer) there: S3 answers 404, an SDK error.
        String body = event.getRecords().get(0).getBody().replace("contacts-with-bad-rows.ndjson", "vanished.ndjson");
        event.getRecords().get(0).setBody(body);
        String importsQueue = queues.get("IMPORTS_QUEUE_URL");
        event.getRecords().get(0).setEventSourceArn("arn:aws:sqs:eu-north-1:000000000000:"
                + importsQueue.substring(importsQueue.lastIndexOf('/') + 1));

        SQSBatchResponse first = handler.handleRequest(event, null);
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId());

        event.getRecords().get(0).getAttributes().put("ApproximateReceiveCount", "5");
        SQSBatchResponse last = handler.handleRequest(event, null);
        assertThat(last.getBatchItemFailures()).isEmpty();
        List<Message> dead = drain("IMPORTS_DLQ_URL");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
                .startsWith("failed 5 times");
    }
}
