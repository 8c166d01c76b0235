package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The counters spread over several partition keys (ADR 0035), against DynamoDB Local: they read back as one. */
class ShardedCountersTest {

    private static final TenantId ORG = TenantId.of("org");
    private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-08T10:00:00Z");

    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.enrolments(dynamoDb);
    }

    @Test
    void resultsWrittenOverTheShardsReadBackAsTheSameSumsPerStepVariantChannelAndDay() {
        DynamoDbResultCounts counts = new DynamoDbResultCounts(dynamoDb, table);
        DynamoDbEnrolmentStore store = new DynamoDbEnrolmentStore(dynamoDb, table, Clock.fixed(MONDAY, ZoneOffset.UTC));
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(17);
        // The engine's counts, through enrolment writes: 60 people enrolled, each queued on step ask in arm A or B.
        for (int i = 0; i < 60; i++) {
            String variant = i % 3 == 0 ? "B" : "A";
            Enrolment enrolled = enrolment("K-" + i, 0);
            assertThat(store.create(enrolled, List.of(new ResultKey("sum", 1, null, null, ResultCounter.ENROLLED))))
                    .isTrue();
            assertThat(store.commit(enrolled, enrolment("K-" + i, 1), List.of(),
                    List.of(new ResultKey("sum", 1, "ask", variant, "sms", ResultCounter.QUEUED, 1)))).isTrue();
            expected.merge(row(null, null, null, ResultCounter.ENROLLED, MONDAY), 1L, Long::sum);
            expected.merge(row("ask", variant, "sms", ResultCounter.QUEUED, MONDAY), 1L, Long::sum);
        }
        // The senders' and reports' counts, on two days, some of them sums of more than one.
        for (int i = 0; i < 300; i++) {
            Instant at = i % 2 == 0 ? MONDAY : TUESDAY;
            String variant = i % 3 == 0 ? "B" : "A";
            ResultCounter counter = i % 5 == 0 ? ResultCounter.FAILED_PROVIDER : ResultCounter.DELIVERED;
            long by = 1 + random.nextInt(3);
            List<ResultKey> keys = List.of(new ResultKey("sum", 1, "ask", variant, "sms", counter, by),
                    new ResultKey("sum", 1, "ask", variant, "sms", ResultCounter.SMS_PARTS, 2));
            counts.add(ORG, keys, at);
            expected.merge(row("ask", variant, "sms", counter, at), by, Long::sum);
            expected.merge(row("ask", variant, "sms", ResultCounter.SMS_PARTS, at), 2L, Long::sum);
        }
        // Another journey of the same organisation is kept apart.
        counts.add(ORG, List.of(new ResultKey("other", 1, "ask", "A", "sms", ResultCounter.DELIVERED, 1)), MONDAY);

        Map<String, Long> read = new HashMap<>();
        for (EnrolmentStore.ResultCount count : store.results(ORG, "sum")) {
            ResultKey key = count.key();
            assertThat(key.journeyId()).isEqualTo("sum");
            assertThat(read.put(row(key.stepId(), key.variant(), key.channel(), key.counter(),
                    count.day().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(36_000)), count.count()))
                    .as("one sum per counter and day").isNull();
        }
        assertThat(read).isEqualTo(expected);

        // Written over many partitions of the journey, none of them the old single one, each matching the IAM
        // condition *#results#* that lets senders and webhooks write them.
        Set<String> partitions = partitionsStartingWith("org#results#sum");
        assertThat(partitions).hasSizeGreaterThanOrEqualTo(8).doesNotContain("org#results#sum")
                .allSatisfy(pk -> assertThat(pk).matches("org#results#sum#\\d\\d"));
    }

    @Test
    void aCapSplitOverTheShardsHoldsExactlyUnderConcurrentEnrolments() throws Exception {
        DynamoDbJourneyEntries entries = new DynamoDbJourneyEntries(dynamoDb, table);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                takes.add(pool.submit(() -> entries.takePlace(ORG, "capped", 37L)));
            }
            int taken = 0;
            for (Future<Boolean> take : takes) {
                taken += take.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(37);
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries.placesTaken(ORG, "capped")).isEqualTo(37);
        assertThat(partitionsStartingWith("org#journey#capped#")).hasSize(DynamoDbJourneyEntries.SHARDS);

        // A place given back is taken again, by the same instance at once; the count stays at the cap.
        entries.returnPlace(ORG, "capped");
        assertThat(entries.placesTaken(ORG, "capped")).isEqualTo(36);
        assertThat(entries.takePlace(ORG, "capped", 37L)).isTrue();
        assertThat(entries.takePlace(ORG, "capped", 37L)).isFalse();
        assertThat(entries.placesTaken(ORG, "capped")).isEqualTo(37);
    }

    @Test
    void aCapSmallerThanTheShardsAndNoCapAtAll() {
        DynamoDbJourneyEntries entries = new DynamoDbJourneyEntries(dynamoDb, table);
        assertThat(entries.takePlace(ORG, "three", 3L)).isTrue();
        assertThat(entries.takePlace(ORG, "three", 3L)).isTrue();
        assertThat(entries.takePlace(ORG, "three", 3L)).isTrue();
        assertThat(entries.takePlace(ORG, "three", 3L)).isFalse();
        assertThat(entries.placesTaken(ORG, "three")).isEqualTo(3);
        // A later version raises the cap: the places taken so far count against it.
        assertThat(entries.takePlace(ORG, "three", 4L)).isTrue();
        assertThat(entries.takePlace(ORG, "three", 4L)).isFalse();

        for (int i = 0; i < 40; i++) {
            assertThat(entries.takePlace(ORG, "open", null)).isTrue();
        }
        assertThat(entries.placesTaken(ORG, "open")).isEqualTo(40);
        assertThat(partitionsStartingWith("org#journey#open#")).hasSizeGreaterThan(1);
    }

    @Test
    void eventMarkersAreFoundInTheShardTheirKeyPicks() {
        DynamoDbJourneyEntries entries = new DynamoDbJourneyEntries(dynamoDb, table);
        for (int i = 0; i < 40; i++) {
            assertThat(entries.seen(ORG, "gifts", "gift-" + i)).isFalse();
            entries.markSeen(ORG, "gifts", "gift-" + i);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(entries.seen(ORG, "gifts", "gift-" + i)).isTrue();
        }
        assertThat(entries.seen(ORG, "gifts", "gift-40")).isFalse();
        assertThat(partitionsStartingWith("org#journey#gifts#")).hasSizeGreaterThan(4);
    }

    private static Set<String> partitionsStartingWith(String prefix) {
        Set<String> partitions = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.scan(b -> b.tableName(table).filterExpression("begins_with(pk, :p)")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix))).exclusiveStartKey(from));
            page.items().forEach(item -> partitions.add(item.get("pk").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return partitions;
    }

    private static String row(String step, String variant, String channel, ResultCounter counter, Instant at) {
        return step + "/" + variant + "/" + channel + "/" + counter + "/" + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Enrolment enrolment(String contactId, long revision) {
        return new Enrolment(ORG, EnrolmentIds.of(ORG, "sum", 1, contactId), "sum", 1, contactId,
                EnrolmentState.ACTIVE, revision == 0 ? "start" : "ask", MONDAY, MONDAY, null, null, Map.of(),
                Map.of(), List.of(), null, revision);
    }
}
