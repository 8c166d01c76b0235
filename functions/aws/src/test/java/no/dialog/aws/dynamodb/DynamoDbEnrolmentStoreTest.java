package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbEnrolmentStoreTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static DynamoDbEnrolmentStore store;
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbJourneyEntries entries;
    private static DynamoDbSendAllowance allowance;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.enrolments(dynamoDb);
        store = new DynamoDbEnrolmentStore(dynamoDb, table, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        entries = new DynamoDbJourneyEntries(dynamoDb, table);
        allowance = new DynamoDbSendAllowance(dynamoDb, table);
    }

    private static Enrolment enrolment(TenantId tenant, String journeyId, String contactId, int entry,
                                       EnrolmentState state, Instant dueAt, long revision) {
        return new Enrolment(tenant, EnrolmentIds.of(tenant, journeyId, entry, contactId), journeyId, 1, contactId,
                state, "ask", dueAt, NOW, null, null, Map.of("ask", "A"), Map.of("ask", 1), List.of(), null, revision);
    }

    private static Enrolment next(Enrolment e, EnrolmentState state, String step, Instant dueAt) {
        return new Enrolment(e.tenant(), e.enrolmentId(), e.journeyId(), e.version(), e.contactId(), state, step,
                dueAt, e.enrolledAt(), e.goalDeadline(), e.goalReachedAt(), e.choices(), e.visits(), e.received(),
                state == EnrolmentState.DONE ? "completed" : null, e.revision() + 1);
    }

    private static ResultKey count(String step, ResultCounter counter) {
        return new ResultKey("student", 1, step, step == null ? null : "A", counter);
    }

    @Test
    void anEnrolmentIsCreatedOnceAndReadBackWhole() {
        Enrolment e = enrolment(DEMO, "student", "K-1", 1, EnrolmentState.ACTIVE, NOW, 0);

        assertThat(store.create(e, List.of(count(null, ResultCounter.ENROLLED)))).isTrue();
        assertThat(store.create(e, List.of(count(null, ResultCounter.ENROLLED)))).isFalse();

        EnrolmentRef ref = new EnrolmentRef("K-1", e.enrolmentId());
        assertThat(store.find(DEMO, ref)).contains(e);
        assertThat(store.find(OTHER, ref)).isEmpty();
        assertThat(store.find(DEMO, new EnrolmentRef("K-2", e.enrolmentId()))).isEmpty();
        assertThat(store.latest(DEMO, "K-1", "student")).contains(e);
        assertThat(store.latest(DEMO, "K-1", "stud")).isEmpty();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stored(String pk, String sk) {
        return dynamoDb.getItem(r -> r.tableName(table).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sk)))).item();
    }

    @Test
    void anEndedEnrolmentExpiresTwoYearsAfterItEndedAndARunningOneNever() {
        Enrolment e = enrolment(DEMO, "kept", "K-40", 1, EnrolmentState.ACTIVE, NOW, 0);
        store.create(e, List.of());
        var running = dynamoDb.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("demo#K-40")))).items();
        assertThat(running).hasSize(1);
        assertThat(running.get(0)).doesNotContainKey("expiresAt");
        Enrolment done = next(e, EnrolmentState.DONE, "ask", null);
        assertThat(store.commit(e, done, List.of(), List.of())).isTrue();
        var ended = stored("demo#K-40", running.get(0).get("sk").s());
        assertThat(Long.parseLong(ended.get("expiresAt").n()))
                .isEqualTo(NOW.plus(no.dialog.core.privacy.Retention.ENDED_ENROLMENT).getEpochSecond());
    }

    @Test
    void aCommitWinsOnlyOnTheRevisionItWasComputedFromAndCountsInTheSameWrite() {
        Enrolment e = enrolment(DEMO, "race", "K-7", 1, EnrolmentState.ACTIVE, NOW, 0);
        store.create(e, List.of(new ResultKey("race", 1, null, null, ResultCounter.ENROLLED)));
        Enrolment waiting = next(e, EnrolmentState.WAITING, "wait", NOW.plus(Duration.ofDays(7)));
        SendRequest send = new SendRequest("demo", "demo:" + e.enrolmentId() + ":ask:1", "K-7", e.enrolmentId(),
                "race", 1, "ask", "sms", null, "student-ask", "A", NOW);

        assertThat(store.commit(e, waiting, List.of(send), List.of(new ResultKey("race", 1, "ask", "A", ResultCounter.QUEUED)))).isTrue();
        // A redelivered message computed from revision 0 again: refused, and nothing is counted twice.
        assertThat(store.commit(e, waiting, List.of(send), List.of(new ResultKey("race", 1, "ask", "A", ResultCounter.QUEUED)))).isFalse();

        EnrolmentRef ref = new EnrolmentRef("K-7", e.enrolmentId());
        assertThat(store.find(DEMO, ref)).contains(waiting);
        assertThat(store.pendingSends(DEMO, ref)).containsExactly(send);
        store.clearPending(waiting);
        assertThat(store.pendingSends(DEMO, ref)).isEmpty();
        assertThat(store.results(DEMO, "race")).extracting(EnrolmentStore.ResultCount::count, r -> r.key().counter())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, ResultCounter.ENROLLED),
                        org.assertj.core.groups.Tuple.tuple(1L, ResultCounter.QUEUED));
    }

    @Test
    void twoConcurrentWorkersCannotBothAdvanceTheSameRevision() throws Exception {
        Enrolment e = enrolment(DEMO, "concurrent", "K-9", 1, EnrolmentState.ACTIVE, NOW, 0);
        store.create(e, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Enrolment candidate = next(e, EnrolmentState.WAITING, "wait-" + i, NOW.plusSeconds(i));
            results.add(pool.submit(() -> {
                go.await();
                return store.commit(e, candidate, List.of(), List.of(new ResultKey("concurrent", 1, "x", null, ResultCounter.QUEUED)));
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(store.results(DEMO, "concurrent")).singleElement().extracting(EnrolmentStore.ResultCount::count).isEqualTo(1L);
    }

    @Test
    void theDueIndexHoldsWaitingEnrolmentsUntilDoneAndOnlyThoseDue() {
        Enrolment soon = enrolment(OTHER, "due", "D-1", 1, EnrolmentState.WAITING, NOW.minusSeconds(60), 0);
        Enrolment later = enrolment(OTHER, "due", "D-2", 1, EnrolmentState.WAITING, NOW.plus(Duration.ofDays(1)), 0);
        Enrolment finished = enrolment(OTHER, "due", "D-3", 1, EnrolmentState.ACTIVE, NOW.minusSeconds(60), 0);
        store.create(soon, List.of());
        store.create(later, List.of());
        store.create(finished, List.of());
        store.commit(finished, next(finished, EnrolmentState.DONE, "done", null), List.of(), List.of());

        List<String> due = new ArrayList<>();
        for (int shard = 0; shard < store.dueShards(); shard++) {
            store.forEachDue(shard, NOW, page -> page.stream()
                    .filter(d -> d.tenant().equals(OTHER)).forEach(d -> due.add(d.ref().contactId())));
        }
        assertThat(due).containsExactly("D-1");
    }

    @Test
    void aHeldOutPersonIsStoredWholeAndComesDueWhenTheGoalWindowEnds() {
        TenantId tenant = TenantId.of("holdout");
        Map<String, no.dialog.core.journey.Step> steps = new java.util.LinkedHashMap<>();
        steps.put("ask", new no.dialog.core.journey.Step.Send("ask", SendChannel.SMS, List.of(
                new no.dialog.core.journey.Step.Variant("A", "a", 1), new no.dialog.core.journey.Step.Variant("B", "b", 1)),
                null, "done"));
        steps.put("done", new no.dialog.core.journey.Step.Exit("done"));
        no.dialog.core.journey.JourneyVersion version = new no.dialog.core.journey.JourneyVersion(tenant, "gift", 1,
                new no.dialog.core.journey.JourneyDefinition("Gift", new no.dialog.core.journey.Trigger.Campaign("s", null),
                        null, new no.dialog.core.journey.Goal(new no.dialog.core.journey.SignalMatch("paid", Map.of(), false),
                        Duration.ofDays(30), true), "ask", steps, new no.dialog.core.journey.Experiment("ask",
                        no.dialog.core.journey.Experiment.Metric.REVENUE_PER_PERSON, List.of(), 50, false)));
        no.dialog.core.journey.JourneyEngine engine = new no.dialog.core.journey.JourneyEngine();
        no.dialog.core.journey.Advance held = null;
        for (int i = 0; held == null; i++) {
            String contactId = "H-" + i;
            no.dialog.core.journey.Advance enrol = engine.enrol(version, EnrolmentIds.of(tenant, "gift", 1, contactId),
                    contactId, NOW);
            held = "holdout".equals(enrol.next().choices().get("ask")) ? enrol : null;
        }
        Enrolment parked = held.next();
        List<ResultKey> counts = held.effects().stream().map(e -> (no.dialog.core.journey.Effect.Counted) e)
                .map(c -> new ResultKey("gift", 1, c.stepId(), c.variant(), c.counter(), c.by())).toList();

        assertThat(store.create(parked, counts)).isTrue();

        assertThat(store.find(tenant, new EnrolmentRef(parked.contactId(), parked.enrolmentId()))).contains(parked);
        assertThat(store.results(tenant, "gift")).extracting(r -> r.key().counter(), r -> r.key().variant())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ResultCounter.ENROLLED, null),
                        org.assertj.core.groups.Tuple.tuple(ResultCounter.ARM_ENTERED, "holdout"));
        assertThat(dueOf(tenant, NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isEmpty();
        assertThat(dueOf(tenant, NOW.plus(Duration.ofDays(30)))).containsExactly(parked.contactId());
    }

    private static List<String> dueOf(TenantId tenant, Instant at) {
        List<String> due = new ArrayList<>();
        for (int shard = 0; shard < store.dueShards(); shard++) {
            store.forEachDue(shard, at, page -> page.stream()
                    .filter(d -> d.tenant().equals(tenant)).forEach(d -> due.add(d.ref().contactId())));
        }
        return due;
    }

    @Test
    void theEnrolmentCapAndOnceOnlyMarkers() {
        assertThat(entries.takePlace(DEMO, "capped", 2L)).isTrue();
        assertThat(entries.takePlace(DEMO, "capped", 2L)).isTrue();
        assertThat(entries.takePlace(DEMO, "capped", 2L)).isFalse();
        entries.returnPlace(DEMO, "capped");
        assertThat(entries.takePlace(DEMO, "capped", 2L)).isTrue();
        assertThat(entries.takePlace(DEMO, "uncapped", null)).isTrue();

        assertThat(entries.seen(DEMO, "gifts", "G-1")).isFalse();
        entries.markSeen(DEMO, "gifts", "G-1");
        assertThat(entries.seen(DEMO, "gifts", "G-1")).isTrue();
        assertThat(entries.seen(OTHER, "gifts", "G-1")).isFalse();

        assertThat(entries.startRun(DEMO, "student", "campaign")).isTrue();
        assertThat(entries.startRun(DEMO, "student", "campaign")).isFalse();
    }

    @Test
    void theFrequencyCapIsPerPersonAndChannelAndIdempotentPerKey() {
        FrequencyCap twoPerWeek = new FrequencyCap(2, Duration.ofDays(7));
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.SMS, "k1", twoPerWeek, NOW)).isTrue();
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.SMS, "k1", twoPerWeek, NOW)).isTrue();
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.SMS, "k2", twoPerWeek, NOW)).isTrue();
        assertThat(Long.parseLong(stored("demo#F-1", "cap#sms").get("expiresAt").n()))
                .as("the cap item goes when its newest send leaves the window")
                .isEqualTo(NOW.plus(twoPerWeek.window()).getEpochSecond());
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.SMS, "k3", twoPerWeek, NOW)).isFalse();
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.EMAIL, "k3", twoPerWeek, NOW)).isTrue();
        assertThat(allowance.reserve(DEMO, "F-1", SendChannel.SMS, "k4", twoPerWeek, NOW.plus(Duration.ofDays(8)))).isTrue();
    }
}
