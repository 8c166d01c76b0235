package no.dialog.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.dynamodb.DynamoDbSendLedger;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.landing.LinkBinding;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.privacy.Eraser;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The erase function's real handler on an application context built from its template environment (every
 * store's table), against the emulators, fed with events/erase/erasure.json.
 */
class EraseHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, OsloTime.ZONE);
    private static Emulators emulators;
    private static ApplicationContext context;
    private static EraseHandler handler;
    private static Map<String, Object> env;

    @BeforeAll
    static void startFunction() {
        emulators = SharedEmulators.get();
        var dynamoDb = emulators.dynamoDb();
        env = new HashMap<>();
        env.put("ERASURES_TABLE", TestTables.erasures(dynamoDb));
        env.put("ERASURES_DLQ_URL", emulators.sqs().createQueue(b -> b.queueName("erase-test-dlq")).queueUrl());
        env.put("ERASURES_MAX_RECEIVE_COUNT", "5");
        env.put("CONTACTS_TABLE", TestTables.contacts(dynamoDb));
        env.put("ENROLMENTS_TABLE", TestTables.enrolments(dynamoDb));
        env.put("SEND_LEDGER_TABLE", TestTables.withContactIndex(dynamoDb, "send-ledger"));
        env.put("LANDING_LINKS_TABLE", TestTables.withContactIndex(dynamoDb, "landing-links"));
        env.put("PAYMENTS_TABLE", TestTables.payments(dynamoDb));
        env.put("RUN_FILES_TABLE", TestTables.runFiles(dynamoDb));
        for (String bucket : List.of("EXPORTS_BUCKET", "SNAPSHOTS_BUCKET", "IMPORTS_BUCKET")) {
            String name = "erase-" + bucket.toLowerCase().replace('_', '-');
            emulators.s3().createBucket(b -> b.bucket(name));
            env.put(bucket, name);
        }
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null), CLOCK);
        handler = new EraseHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static SQSEvent erasure(String erasureId) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        SQSEvent event = EventLoader.loadSQSEvent(dir.resolve("events/erase/erasure.json").toString());
        event.getRecords().getFirst().setBody(ErasureMessages.run(DEMO, erasureId));
        return event;
    }

    private static void holdPerson(String contactId) {
        context.getBean(ContactStore.class).upsert(DEMO, new ContactJson(CLOCK).read("""
                {"id":"%s","updatedAt":"2026-12-01T10:00:00Z","firstName":"Unikfrida","phone":"+4799887766"}"""
                .formatted(contactId)).contact());
        context.getBean(DynamoDbSendLedger.class).recordIntent("demo:" + contactId + ":ask:1", DEMO, SendChannel.SMS,
                contactId, NOW);
        context.getBean(LinkStore.class).create(new StoredLink(contactId + "LINK0001", 1, new LinkBinding(DEMO,
                "student", 1, "ask", "E-" + contactId, contactId, "nb", NOW.plusSeconds(86400)), Set.of(), null));
    }

    private static List<Map<String, AttributeValue>> scan(String envName) {
        return emulators.dynamoDb().scanPaginator(b -> b.tableName((String) env.get(envName))).items().stream().toList();
    }

    @Test
    void theStoresRunInTheirOrderTheContactFirstAfterTheStoresThatNeedItsPhoneNumber() {
        assertThat(context.getBean(Eraser.class).storeNames())
                .startsWith("giver-candidates", "unmatched-payments", "contacts", "enrolments", "send-ledger",
                        "landing-links");
    }

    @Test
    void anErasureReachesEveryStoreRecordsCountsOnlyAndARedeliveryChangesNothing() {
        holdPerson("ER-10");
        holdPerson("ER-11");
        context.getBean(ErasureLog.class).start(Erasure.requested(DEMO, "er-10", "ER-10", "staff-7", NOW));

        SQSBatchResponse response = handler.handleRequest(erasure("er-10"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Erasure done = context.getBean(ErasureLog.class).find(DEMO, "er-10").orElseThrow();
        assertThat(done.state()).isEqualTo(Erasure.State.DONE);
        assertThat(done.erased()).containsEntry("contacts", 1L).containsEntry("send-ledger", 1L)
                .containsEntry("landing-links", 1L).containsEntry("enrolments", 0L);
        assertThat(context.getBean(ContactStore.class).find(DEMO, "ER-10")).isEmpty();
        assertThat(context.getBean(ContactStore.class).find(DEMO, "ER-11")).as("someone else").isPresent();
        assertThat(scan("SEND_LEDGER_TABLE")).extracting(item -> item.get("pk").s())
                .doesNotContain("demo:ER-10:ask:1").contains("demo:ER-11:ask:1");
        assertThat(scan("LANDING_LINKS_TABLE")).extracting(item -> item.get("pk").s())
                .doesNotContain("link#ER-10LINK0001").contains("link#ER-11LINK0001");

        assertThat(handler.handleRequest(erasure("er-10"), null).getBatchItemFailures()).isEmpty();
        assertThat(context.getBean(ErasureLog.class).find(DEMO, "er-10")).contains(done);
    }

    @Test
    void anErasureNobodyRecordedGoesToTheDeadLetterQueueWithItsReason() {
        SQSBatchResponse response = handler.handleRequest(erasure("never-recorded"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> dead = emulators.sqs().receiveMessage(b -> b.queueUrl((String) env.get("ERASURES_DLQ_URL"))
                .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().messageAttributes().values()).anySatisfy(value ->
                assertThat(value.stringValue()).contains("no erasure with this id"));
    }
}
