package no.dialog.aws.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunCloser;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunRef;
import no.dialog.core.run.RunStatus;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;

/** Who may close a run, against DynamoDB Local: one closer at a time, and a crashed closer's run again later. */
class DynamoDbRunStoreTest {

    private static final TenantId TENANT = TenantId.of("union");
    private static final Instant STAGED = Instant.parse("2026-11-23T10:00:00Z");

    private static DynamoDbRunStore store() {
        var dynamoDb = SharedEmulators.get().dynamoDb();
        return new DynamoDbRunStore(dynamoDb, TestTables.runFiles(dynamoDb));
    }

    private static RunRef stageOne(DynamoDbRunStore store) {
        return store.stage(new RunItem(TENANT, SendChannel.LETTER, "renewal", 1, "letter",
                LocalDate.parse("2026-11-23"), "k1", "c1", Map.of("firstName", "Åse")), STAGED);
    }

    @Test
    void aSecondCloserLeavesARunAloneWhileTheFirstStillWritesIt() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant first = STAGED.plus(Duration.ofMinutes(5));

        assertThat(store.startClosing(run, STAGED, first, first.minus(RunCloser.CLOSING_LEASE))).isTrue();
        Instant second = first.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, STAGED, second, second.minus(RunCloser.CLOSING_LEASE)))
                .as("the first closer may still be writing").isFalse();
        assertThat(store.quietRuns(second)).extracting(Run::status).containsExactly(RunStatus.CLOSING);
    }

    @Test
    void aRunGivenBackByAFailedCloserIsTakenAtTheNextTickButNotAnotherClosersRun() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant failed = STAGED.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, STAGED, failed, failed.minus(RunCloser.CLOSING_LEASE))).isTrue();

        store.releaseClosing(run, failed);

        Instant nextTick = failed.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, STAGED, nextTick, nextTick.minus(RunCloser.CLOSING_LEASE))).isTrue();
        store.releaseClosing(run, failed);
        Instant another = nextTick.plus(Duration.ofMinutes(1));
        assertThat(store.startClosing(run, STAGED, another, another.minus(RunCloser.CLOSING_LEASE)))
                .as("a stale release leaves the new closer's lease alone").isFalse();
    }

    @Test
    void aRunLeftClosingLongerThanTheLeaseIsTakenAgain() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant crashed = STAGED.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, STAGED, crashed, crashed.minus(RunCloser.CLOSING_LEASE))).isTrue();

        Instant later = crashed.plus(RunCloser.CLOSING_LEASE).plusSeconds(1);
        assertThat(store.startClosing(run, STAGED, later, later.minus(RunCloser.CLOSING_LEASE))).isTrue();
        Instant evenLater = later.plus(Duration.ofMinutes(1));
        assertThat(store.startClosing(run, STAGED, evenLater, evenLater.minus(RunCloser.CLOSING_LEASE)))
                .as("the new closer holds it now").isFalse();
    }

    @Test
    void aRunThatGotANewItemIsNotTaken() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant now = STAGED.plus(Duration.ofMinutes(5));

        assertThat(store.startClosing(run, STAGED.minusSeconds(1), now, now.minus(RunCloser.CLOSING_LEASE))).isFalse();
        store.markClosed(run, List.of(), 0, 0, now);
        assertThat(store.startClosing(run, STAGED, now, now)).as("closed").isFalse();
    }
}
