package no.dialog.aws.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The erasure log against DynamoDB Local, and the erasure queue against ElasticMQ. */
class DynamoDbErasureLogTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant ASKED = Instant.parse("2026-12-06T12:00:00Z");
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbErasureLog log;

    @BeforeAll
    static void table() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.erasures(dynamoDb);
        log = new DynamoDbErasureLog(dynamoDb, table);
    }

    @Test
    void anErasureIsRecordedOnceAndItsStepsKeepTheirOrderAndFirstCounts() {
        Erasure asked = Erasure.requested(DEMO, "er-1", "M-1", "staff-7", ASKED);
        assertThat(log.start(asked)).isTrue();
        assertThat(log.start(Erasure.requested(DEMO, "er-1", "M-2", "someone-else", ASKED.plusSeconds(5))))
                .as("the first record wins").isFalse();
        assertThat(log.find(DEMO, "er-1")).contains(asked);
        assertThat(asked.state()).isEqualTo(Erasure.State.REQUESTED);

        log.stepDone(DEMO, "er-1", "contacts", 1);
        log.stepDone(DEMO, "er-1", "send-ledger", 3);
        log.stepDone(DEMO, "er-1", "contacts", 0);
        Erasure running = log.find(DEMO, "er-1").orElseThrow();
        assertThat(running.state()).isEqualTo(Erasure.State.RUNNING);
        assertThat(running.erased()).containsExactly(Map.entry("contacts", 1L), Map.entry("send-ledger", 3L));

        log.stepDone(DEMO, "er-1", "landing-links", 2);
        log.finish(DEMO, "er-1", ASKED.plusSeconds(60));
        log.finish(DEMO, "er-1", ASKED.plusSeconds(120));
        Erasure done = log.find(DEMO, "er-1").orElseThrow();
        assertThat(done.state()).isEqualTo(Erasure.State.DONE);
        assertThat(done.finishedAt()).as("the first finish stands").isEqualTo(ASKED.plusSeconds(60));
        assertThat(done.erased()).containsExactly(Map.entry("contacts", 1L), Map.entry("send-ledger", 3L),
                Map.entry("landing-links", 2L));
        assertThat(done.source()).isEqualTo(Erasure.Source.STAFF);
        assertThat(done.requestedBy()).isEqualTo("staff-7");
    }

    @Test
    void theRecordExpiresThreeYearsAfterItsEndAndAnotherTenantCannotReadIt() {
        log.start(Erasure.requested(DEMO, "er-2", "M-1", Erasure.REGISTER, ASKED));
        log.finish(DEMO, "er-2", ASKED.plusSeconds(10));

        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("demo"), "sk", AttributeValue.fromS("er-2")))).item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(ASKED.plusSeconds(10).plus(DynamoDbErasureLog.RETENTION).getEpochSecond());
        assertThat(log.find(DEMO, "er-2").orElseThrow().source()).isEqualTo(Erasure.Source.REGISTER);
        assertThat(log.find(TenantId.of("other"), "er-2")).isEmpty();
        assertThat(log.find(DEMO, "nosuch")).isEmpty();
    }

    @Test
    void theQueueCarriesTheIdsOnly() {
        SqsClient sqs = SharedEmulators.get().sqs();
        String url = sqs.createQueue(b -> b.queueName("erasures-" + System.nanoTime())).queueUrl();

        new SqsErasureQueue(sqs, url).enqueue(DEMO, "er-3");

        List<String> bodies = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().map(m -> m.body()).toList();
        assertThat(bodies).hasSize(1);
        assertThat(ErasureMessages.parse(bodies.getFirst())).isEqualTo(new ErasureMessages.Run(DEMO, "er-3"));
    }
}
