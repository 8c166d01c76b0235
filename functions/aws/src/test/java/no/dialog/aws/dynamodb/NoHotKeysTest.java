package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.aws.run.DynamoDbTenantNumbers;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.RunItem;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/**
 * One second of a campaign at 2,000 messages a second, as the adapters write it: where do the writes land? No
 * partition key, of the table or of an index, may take more than 500 of them (issue 17, ADR 0035). The writes are
 * counted, not made (what they store is tested against DynamoDB Local in the adapters' own tests).
 */
class NoHotKeysTest {

    private static final int MESSAGES_A_SECOND = 2_000;
    private static final int LIMIT = 500;
    private static final TenantId ORG = TenantId.of("org");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aSecondOfACampaignAt2000MessagesWritesNoPartitionKeyMoreThan500Times() {
        PartitionWriteCounter dynamoDb = new PartitionWriteCounter();
        DynamoDbEnrolmentStore store = new DynamoDbEnrolmentStore(dynamoDb, "enrolments", Clock.fixed(NOW, ZoneOffset.UTC));
        DynamoDbJourneyEntries entries = new DynamoDbJourneyEntries(dynamoDb, "enrolments");
        DynamoDbResultCounts counts = new DynamoDbResultCounts(dynamoDb, "enrolments");

        List<ResultKey> sentInOneBatch = new ArrayList<>();
        for (int i = 0; i < MESSAGES_A_SECOND; i++) {
            String contactId = "K-" + i;
            // The engine: a place under the cap, the enrolment with its count, its first step queuing the message.
            assertThat(entries.takePlace(ORG, "campaign", 1_000_000L)).isTrue();
            Enrolment enrolled = enrolment(contactId, 0, "start", NOW);
            store.create(enrolled, List.of(new ResultKey("campaign", 1, null, null, ResultCounter.ENROLLED)));
            Enrolment waiting = enrolment(contactId, 1, "wait", NOW.plusSeconds(86_400));
            store.commit(enrolled, waiting, List.of(),
                    List.of(new ResultKey("campaign", 1, "ask", "A", "sms", ResultCounter.QUEUED, 1)));
            // The sender counts a queue batch of 10 at once; the provider's report counts each message.
            sentInOneBatch.add(new ResultKey("campaign", 1, "ask", "A", "sms", ResultCounter.SENT, 1));
            if (sentInOneBatch.size() == 10) {
                counts.add(ORG, sentInOneBatch, NOW);
                sentInOneBatch.clear();
            }
            counts.add(ORG, List.of(new ResultKey("campaign", 1, "ask", "A", "sms", ResultCounter.DELIVERED, 1)), NOW);
        }

        Map<String, Integer> writes = dynamoDb.writes();
        List<Map.Entry<String, Integer>> hottest = dynamoDb.hottest("");
        System.out.println("hottest partition keys in one second at 2,000 messages/s: " + hottest.subList(0, 8));
        assertThat(hottest.getFirst().getValue()).as("the hottest key, %s", hottest.getFirst()).isLessThan(LIMIT);

        // The keys every message writes are spread: the results over 32 partitions (6,200 writes, about 194 each),
        // the places over 16 (about 125 each), the journey index over 32 (125 each); each well below the limit.
        assertThat(dynamoDb.hottest("pk org#results#campaign#")).hasSize(ResultItems.SHARDS)
                .allSatisfy(e -> assertThat(e.getValue()).isLessThan(LIMIT * 3 / 5));
        assertThat(dynamoDb.hottest("pk org#journey#campaign#")).hasSize(DynamoDbJourneyEntries.SHARDS)
                .allSatisfy(e -> assertThat(e.getValue()).isLessThan(LIMIT / 2));
        assertThat(dynamoDb.hottest("journeyKey org#campaign#")).hasSize(EnrolmentItems.JOURNEY_SHARDS)
                .allSatisfy(e -> assertThat(e.getValue()).isLessThan(LIMIT / 2));
        assertThat(dynamoDb.hottest("dueShard ")).hasSize(EnrolmentItems.DUE_SHARDS);
        // Every write of the second was counted somewhere: 2,000 people, each a place, a put and an update of the
        // enrolment, three counter writes (enrolled, queued, delivered), and one per 10 for sent.
        assertThat(dynamoDb.hottest("pk ").stream().mapToInt(Map.Entry::getValue).sum())
                .isEqualTo(MESSAGES_A_SECOND * 6 + MESSAGES_A_SECOND / 10);
        assertThat(writes).doesNotContainKey("pk org#results#campaign");
    }

    @Test
    void aSecondOfALetterCampaignAt2000LettersWritesNoPartitionKeyMoreThan500Times() {
        PartitionWriteCounter dynamoDb = new PartitionWriteCounter();
        DynamoDbRunStore runs = new DynamoDbRunStore(dynamoDb, "run-files");
        DynamoDbTenantNumbers numbers = new DynamoDbTenantNumbers(dynamoDb, "run-files");
        java.time.LocalDate day = java.time.LocalDate.parse("2026-12-07");
        for (int i = 0; i < MESSAGES_A_SECOND; i++) {
            String contactId = "K-" + i;
            // The giro's KID: a number for a person who has none yet, and the step's.
            long contact = numbers.contactNumber(ORG, contactId);
            long step = numbers.stepNumber(ORG, "appeal", 1, "letter");
            String key = ORG.value() + ":" + EnrolmentIds.of(ORG, "appeal", 1, contactId) + ":letter:1";
            runs.stage(new RunItem(ORG, SendChannel.LETTER, "appeal", 1, "letter", day, key, contactId,
                    Map.of("kid", contact + "-" + step)), NOW.plusMillis(i / 2));
        }
        List<Map.Entry<String, Integer>> hottest = dynamoDb.hottest("");
        System.out.println("hottest partition keys in one second at 2,000 letters/s: " + hottest.subList(0, 8));
        assertThat(hottest.getFirst().getValue()).as("the hottest key, %s", hottest.getFirst()).isLessThan(LIMIT);
        // One instance touched the run (and so the open-runs index) once in the second, not once per letter; it took
        // 20 blocks of 100 contact numbers.
        assertThat(dynamoDb.writes()).containsEntry("openRuns open", 2).containsEntry("journeyKey org#appeal", 1)
                .containsEntry("pk org#numbers", MESSAGES_A_SECOND / DynamoDbTenantNumbers.CONTACT_BLOCK + 1);
        assertThat(dynamoDb.hottest("pk org#letter#")).hasSize(DynamoDbRunStore.ITEM_SHARDS + 1);
        assertThat(dynamoDb.hottest("pk org#numbers#")).hasSize(DynamoDbTenantNumbers.SHARDS);
    }

    @Test
    void aShardedKeyIsSpreadEvenlyAndAFixedValueAlwaysPicksTheSameShard() {
        int[] random = new int[ResultItems.SHARDS];
        for (int i = 0; i < MESSAGES_A_SECOND; i++) {
            random[KeyShards.random(ResultItems.SHARDS)]++;
        }
        int[] byContact = new int[EnrolmentItems.JOURNEY_SHARDS];
        for (int i = 0; i < MESSAGES_A_SECOND; i++) {
            byContact[KeyShards.of("K-" + i, EnrolmentItems.JOURNEY_SHARDS)]++;
        }
        // 2,000 writes over 32 keys: 62.5 each on average; neither way lets one key take a quarter of the limit.
        assertThat(java.util.Arrays.stream(random).boxed().toList())
                .allSatisfy(n -> assertThat(n).isPositive().isLessThan(LIMIT / 4));
        assertThat(java.util.Arrays.stream(byContact).boxed().toList())
                .allSatisfy(n -> assertThat(n).isPositive().isLessThan(LIMIT / 4));
        assertThat(KeyShards.of("K-17", 32)).isEqualTo(KeyShards.of("K-17", 32));
        assertThat(KeyShards.key("org#results#j", 7, 32)).isEqualTo("org#results#j#07");
        assertThat(KeyShards.key("org#results#j", 39, 32)).isEqualTo("org#results#j#07");
    }

    @Test
    void aCapIsSplitOverTheShardsExactly() {
        for (long cap : new long[] {0, 1, 5, 15, 16, 17, 100, 1_000_003}) {
            long sum = 0;
            for (int shard = 0; shard < DynamoDbJourneyEntries.SHARDS; shard++) {
                long places = DynamoDbJourneyEntries.placesOf(cap, shard);
                assertThat(places).isBetween(cap / DynamoDbJourneyEntries.SHARDS, cap / DynamoDbJourneyEntries.SHARDS + 1);
                sum += places;
            }
            assertThat(sum).as("places of a cap of %d", cap).isEqualTo(cap);
        }
    }

    private static Enrolment enrolment(String contactId, long revision, String step, Instant dueAt) {
        return new Enrolment(ORG, EnrolmentIds.of(ORG, "campaign", 1, contactId), "campaign", 1, contactId,
                EnrolmentState.ACTIVE, step, dueAt, NOW, null, null, Map.of("ask", "A"), Map.of("ask", 1), List.of(),
                null, revision);
    }
}
