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
    /** The run's lastItemAt after the item staged at STAGED: the end of the instance's touch (ADR 0035). */
    private static final Instant LAST_ITEM = STAGED.plus(DynamoDbRunStore.TOUCH_LEASE);

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

        assertThat(store.startClosing(run, LAST_ITEM, first, first.minus(RunCloser.CLOSING_LEASE))).isTrue();
        Instant second = first.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, LAST_ITEM, second, second.minus(RunCloser.CLOSING_LEASE)))
                .as("the first closer may still be writing").isFalse();
        assertThat(store.quietRuns(second)).extracting(Run::status).containsExactly(RunStatus.CLOSING);
    }

    @Test
    void aRunGivenBackByAFailedCloserIsTakenAtTheNextTickButNotAnotherClosersRun() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant failed = STAGED.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, LAST_ITEM, failed, failed.minus(RunCloser.CLOSING_LEASE))).isTrue();

        store.releaseClosing(run, failed);

        Instant nextTick = failed.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, LAST_ITEM, nextTick, nextTick.minus(RunCloser.CLOSING_LEASE))).isTrue();
        store.releaseClosing(run, failed);
        Instant another = nextTick.plus(Duration.ofMinutes(1));
        assertThat(store.startClosing(run, LAST_ITEM, another, another.minus(RunCloser.CLOSING_LEASE)))
                .as("a stale release leaves the new closer's lease alone").isFalse();
    }

    @Test
    void aRunLeftClosingLongerThanTheLeaseIsTakenAgain() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant crashed = STAGED.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, LAST_ITEM, crashed, crashed.minus(RunCloser.CLOSING_LEASE))).isTrue();

        Instant later = crashed.plus(RunCloser.CLOSING_LEASE).plusSeconds(1);
        assertThat(store.startClosing(run, LAST_ITEM, later, later.minus(RunCloser.CLOSING_LEASE))).isTrue();
        Instant evenLater = later.plus(Duration.ofMinutes(1));
        assertThat(store.startClosing(run, LAST_ITEM, evenLater, evenLater.minus(RunCloser.CLOSING_LEASE)))
                .as("the new closer holds it now").isFalse();
    }

    @Test
    void aRunThatGotANewItemIsNotTaken() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        Instant now = STAGED.plus(Duration.ofMinutes(5));

        assertThat(store.startClosing(run, LAST_ITEM.minusSeconds(1), now, now.minus(RunCloser.CLOSING_LEASE))).isFalse();
        store.markClosed(run, List.of(), 0, 0, now);
        assertThat(store.startClosing(run, LAST_ITEM, now, now)).as("closed").isFalse();
    }

    @Test
    void theCloserSeesTheEndOfTheTouchAsTheLastItem() {
        DynamoDbRunStore store = store();
        RunRef run = stageOne(store);
        assertThat(store.quietRuns(LAST_ITEM.plusMillis(1))).extracting(Run::lastItemAt).containsExactly(LAST_ITEM);
        assertThat(store.quietRuns(LAST_ITEM)).as("not quiet before the instance's lease ends").isEmpty();
        assertThat(run.runId()).isNotBlank();
    }

    @Test
    void anInstanceTouchesTheRunOncePerLeaseAndItsItemsAreSpreadAndReadBackWhole() {
        var dynamoDb = SharedEmulators.get().dynamoDb();
        String table = TestTables.runFiles(dynamoDb);
        DynamoDbRunStore store = new DynamoDbRunStore(dynamoDb, table);
        RunRef run = null;
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = TENANT.value() + ":renewal-1-" + String.format("%020x", i * 7919L) + ":letter:1";
            keys.add(key);
            // Sixty letters within nine seconds: one touch.
            run = store.stage(new RunItem(TENANT, SendChannel.LETTER, "renewal", 1, "letter",
                    LocalDate.parse("2026-11-23"), key, "c" + i, Map.of("firstName", "Åse")), STAGED.plusMillis(i * 150L));
        }
        assertThat(store.quietRuns(LAST_ITEM.plusSeconds(600))).extracting(Run::lastItemAt).containsExactly(LAST_ITEM);

        // The next letter after the lease touches again: the run stays open for a closer that read the old time.
        RunRef later = store.stage(new RunItem(TENANT, SendChannel.LETTER, "renewal", 1, "letter",
                LocalDate.parse("2026-11-23"), TENANT.value() + ":renewal-1-ffff:letter:1", "c-late", Map.of()),
                LAST_ITEM.plusSeconds(1));
        assertThat(later).isEqualTo(run);
        Instant closerNow = LAST_ITEM.plus(Duration.ofMinutes(5));
        assertThat(store.startClosing(run, LAST_ITEM, closerNow, closerNow.minus(RunCloser.CLOSING_LEASE)))
                .as("a letter came after the closer read the run").isFalse();

        keys.add(TENANT.value() + ":renewal-1-ffff:letter:1");
        assertThat(store.items(run)).extracting(RunItem::key).containsExactlyElementsOf(keys.stream().sorted().toList());
        java.util.Set<String> partitions = new java.util.TreeSet<>();
        dynamoDb.scanPaginator(b -> b.tableName(table)).items().forEach(item -> partitions.add(item.get("pk").s()));
        String runPk = DynamoDbRunStore.pk(run);
        assertThat(partitions).contains(runPk).hasSizeGreaterThan(4).allSatisfy(pk -> assertThat(pk).startsWith(runPk));
    }
}
