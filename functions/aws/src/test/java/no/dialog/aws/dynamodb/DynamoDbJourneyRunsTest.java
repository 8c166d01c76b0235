package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.JourneyRun;
import no.dialog.core.enrolment.RunChunk;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Run records on their claim items, against DynamoDB Local. */
class DynamoDbJourneyRunsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static DynamoDbJourneyEntries entries;
    private static DynamoDbJourneyRuns runs;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String table = TestTables.enrolments(dynamoDb);
        entries = new DynamoDbJourneyEntries(dynamoDb, table);
        runs = new DynamoDbJourneyRuns(dynamoDb, table);
    }

    @Test
    void aRunRecordsItsEvaluationAndCountsEachChunkOnce() {
        assertThat(entries.startRun(DEMO, "spring", "campaign")).isTrue();
        entries.markSeen(DEMO, "spring", "gift-1");
        assertThat(runs.list(DEMO, "spring")).singleElement()
                .satisfies(run -> assertThat(run.status()).isEqualTo(JourneyRun.EVALUATING));

        // A chunk may be counted before the evaluation's own record lands.
        runs.chunkDone(DEMO, "spring", "campaign", 1, new RunChunk(0, 200, 0, 0));
        runs.evaluated(DEMO, "spring", "campaign", 2,
                new SegmentEvaluation(700, AT, AT.minusSeconds(300), 4, "stored"), 2, AT.plusSeconds(1));
        runs.chunkDone(DEMO, "spring", "campaign", 0, new RunChunk(0, 500, 0, 0));
        runs.chunkDone(DEMO, "spring", "campaign", 0, new RunChunk(0, 500, 0, 0));

        JourneyRun run = runs.list(DEMO, "spring").get(0);
        assertThat(run).isEqualTo(new JourneyRun("campaign", 2, AT.plusSeconds(1), 700L, AT, AT.minusSeconds(300), 4,
                "stored", 2, 2, new RunChunk(0, 700, 0, 0)));
        assertThat(run.reason()).isEqualTo("all already enrolled");
    }

    @Test
    void runsAreListedOldestFirstPerJourneyAndTenant() {
        entries.startRun(DEMO, "autumn", "campaign");
        entries.startRun(DEMO, "autumn", "campaign-rerun-1796547600000");
        entries.startRun(TenantId.of("other"), "autumn", "campaign-rerun-1");
        runs.evaluated(DEMO, "autumn", "campaign", 1, new SegmentEvaluation(0, AT, null, 0, "register"), 0, AT);

        assertThat(runs.list(DEMO, "autumn")).extracting(JourneyRun::runId)
                .containsExactly("campaign", "campaign-rerun-1796547600000");
        JourneyRun first = runs.list(DEMO, "autumn").get(0);
        assertThat(first.snapshotAsOf()).isNull();
        assertThat(first.reason()).isEqualTo("segment matched 0 contacts");
    }
}
