package no.dialog.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.compliance.SendSettings;
import no.dialog.core.compliance.SendTimes;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.EntryRules;
import no.dialog.core.journey.Experiment;
import no.dialog.core.journey.Goal;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.SendWindows;
import no.dialog.core.journey.Signal;
import no.dialog.core.journey.SignalMatch;
import no.dialog.core.journey.Step;
import no.dialog.core.journey.Trigger;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryEnrolments;
import no.dialog.core.testing.SettableClock;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journey runtime over in-memory ports with the real engine: the student journey, end to end. */
class EnrolmentRunnerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final String JOURNEY = "student";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryEnrolments enrolments = new InMemoryEnrolments();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Catalog catalog = new Catalog();
    private final Sends sends = new Sends();
    private final List<EnrolmentRef> stepRequests = new ArrayList<>();
    private final Map<TenantId, FrequencyCap> tenantCaps = new java.util.HashMap<>();
    private final FrequencyCaps caps = (tenant, channel) -> tenantCaps.getOrDefault(tenant, FrequencyCap.DEFAULT);
    private EnrolmentRunner runner;

    private SendWindows windows = SendWindows.ALWAYS;

    @BeforeEach
    void setUp() {
        ContactJson json = new ContactJson(clock);
        for (String id : List.of("S-1", "S-2", "S-3")) {
            contacts.upsert(DEMO, json.read("{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"firstName\":\"Kari\",\"phone\":\"+4791234567\"}").contact());
        }
        catalog.put(studentJourney(), JourneyStatus.ACTIVE);
        runner = new EnrolmentRunner(enrolments, catalog, contacts, enrolments, sends,
                (tenant, refs) -> stepRequests.addAll(refs), enrolments,
                (tenant, contactId, field, value, key) -> { }, caps, tenant -> windows, clock);
    }

    static JourneyVersion studentJourney() {
        SignalMatch answered = new SignalMatch("answered", Map.of("question", "still-student"), true);
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("ask", new Step.Send("ask", SendChannel.SMS, List.of(new Step.Variant("A", "student-ask", 1)), null, "wait-answer"));
        steps.put("wait-answer", new Step.WaitForSignal("wait-answer", answered, Duration.ofDays(7), "done", "remind"));
        steps.put("remind", new Step.Send("remind", SendChannel.SMS, List.of(new Step.Variant("A", "student-remind", 1)), null, "wait-again"));
        steps.put("wait-again", new Step.WaitDuration("wait-again", Duration.ofDays(7), "done"));
        steps.put("done", new Step.Exit("done"));
        JourneyDefinition definition = new JourneyDefinition("Er du fortsatt student?",
                new Trigger.Campaign("students-past-exam", null), EntryRules.oncePerPerson(),
                new Goal(answered, Duration.ofDays(14), true), "ask", steps);
        return new JourneyVersion(DEMO, JOURNEY, 1, definition);
    }

    /** The student journey with two variants at "ask" compared in an experiment that holds out half. */
    static JourneyVersion studentExperiment() {
        JourneyDefinition student = studentJourney().definition();
        Map<String, Step> steps = new LinkedHashMap<>(student.steps());
        steps.put("ask", new Step.Send("ask", SendChannel.SMS, List.of(new Step.Variant("A", "student-ask", 1),
                new Step.Variant("B", "student-ask-b", 1)), null, "wait-answer"));
        return new JourneyVersion(DEMO, JOURNEY, 1, new JourneyDefinition(student.name(), student.trigger(),
                student.entry(), student.goal(), "ask", steps, new Experiment("ask",
                Experiment.Metric.GOAL_CONVERSION, List.of(), 50, false)));
    }

    private long counted(ResultCounter counter, String stepId, String variant) {
        return enrolments.results(DEMO, JOURNEY).stream()
                .filter(r -> r.key().counter() == counter && java.util.Objects.equals(r.key().stepId(), stepId)
                        && java.util.Objects.equals(r.key().variant(), variant))
                .mapToLong(EnrolmentStore.ResultCount::count).sum();
    }

    private void advanceAllRequested() {
        List<EnrolmentRef> requested = new ArrayList<>(stepRequests);
        stepRequests.clear();
        requested.forEach(ref -> runner.advance(DEMO, ref));
    }

    private void sweepAll() {
        for (int shard = 0; shard < enrolments.dueShards(); shard++) {
            runner.sweep(shard);
        }
        advanceAllRequested();
    }

    private Enrolment enrolmentOf(String contactId) {
        return enrolments.latest(DEMO, contactId, JOURNEY).orElseThrow();
    }

    private Signal answer(String contactId) {
        return new Signal("sig-" + contactId, "answered", contactId, clock.instant(),
                Map.of("question", "still-student", "value", "yes"), JOURNEY, enrolmentOf(contactId).enrolmentId());
    }

    @Test
    void aHoldoutIsSentNothingCountedInItsArmAndLeavesWhenTheGoalWindowEnds() {
        catalog.put(studentExperiment(), JourneyStatus.ACTIVE);
        ContactJson json = new ContactJson(clock);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add("X-" + i);
            contacts.upsert(DEMO, json.read("{\"id\":\"X-" + i + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"phone\":\"+4791234567\"}").contact());
        }

        runner.enrol(DEMO, JOURNEY, 1, people);
        advanceAllRequested();

        List<String> heldOut = people.stream()
                .filter(id -> Experiment.HOLDOUT.equals(enrolmentOf(id).choices().get("ask"))).toList();
        assertThat(heldOut).isNotEmpty().hasSizeLessThan(people.size());
        assertThat(sends.requests).extracting(SendRequest::contactId)
                .containsExactlyInAnyOrderElementsOf(people.stream().filter(id -> !heldOut.contains(id)).toList());
        assertThat(counted(ResultCounter.ARM_ENTERED, "ask", Experiment.HOLDOUT)).isEqualTo(heldOut.size());
        assertThat(counted(ResultCounter.ARM_ENTERED, "ask", "A") + counted(ResultCounter.ARM_ENTERED, "ask", "B"))
                .isEqualTo(people.size() - heldOut.size());
        assertThat(enrolments.total(JOURNEY, ResultCounter.ENROLLED)).isEqualTo(people.size());

        String gives = heldOut.get(0);
        runner.signal(DEMO, new Signal("sig-" + gives, "answered", gives, clock.instant(),
                Map.of("question", "still-student", "value", "yes"), JOURNEY, enrolmentOf(gives).enrolmentId()));
        assertThat(counted(ResultCounter.ARM_CONVERTED, "ask", Experiment.HOLDOUT)).isEqualTo(1);

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        sweepAll();
        assertThat(heldOut).allMatch(id -> enrolmentOf(id).state() == EnrolmentState.DONE);
        assertThat(heldOut.stream().skip(1)).allMatch(id -> "holdout-ended".equals(enrolmentOf(id).exitReason()));
        assertThat(counted(ResultCounter.EXITED, "ask", Experiment.HOLDOUT)).isEqualTo(heldOut.size());
        assertThat(sends.requests).extracting(SendRequest::contactId).doesNotContainAnyElementsOf(heldOut);
    }

    @Test
    void aHeldOutPersonLeavingBecauseTheJourneyEndedIsCountedInTheHoldout() {
        catalog.put(studentExperiment(), JourneyStatus.ACTIVE);
        ContactJson json = new ContactJson(clock);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add("Y-" + i);
            contacts.upsert(DEMO, json.read("{\"id\":\"Y-" + i + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\"}")
                    .contact());
        }
        runner.enrol(DEMO, JOURNEY, 1, people);
        List<String> heldOut = people.stream()
                .filter(id -> Experiment.HOLDOUT.equals(enrolmentOf(id).choices().get("ask"))).toList();
        catalog.put(studentExperiment(), JourneyStatus.ENDED);

        heldOut.forEach(id -> runner.advance(DEMO, new EnrolmentRef(id, enrolmentOf(id).enrolmentId())));

        assertThat(heldOut).isNotEmpty();
        assertThat(counted(ResultCounter.EXITED, "ask", Experiment.HOLDOUT)).isEqualTo(heldOut.size());
    }

    @Test
    void aSignalThatLosesARaceToAnotherWriteIsAppliedAgainNotLost() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        advanceAllRequested();
        Enrolment before = enrolmentOf("S-1");
        // Two answers of one form arrive at once: both runners read the enrolment before either writes.
        EnrolmentStore staleReads = new StaleOfContact(enrolments, before);
        EnrolmentRunner racing = new EnrolmentRunner(staleReads, catalog, contacts, enrolments, sends,
                (tenant, refs) -> stepRequests.addAll(refs), enrolments,
                (tenant, contactId, field, value, key) -> { }, caps, tenant -> windows, clock);
        Signal comment = new Signal("sig-comment", "answered", "S-1", clock.instant(),
                Map.of("question", "comment", "value", "given"), JOURNEY, before.enrolmentId());
        assertThat(racing.signal(DEMO, comment)).containsEntry(Outcome.ADVANCED, 1);

        Map<Outcome, Integer> outcome = racing.signal(DEMO, answer("S-1"));

        assertThat(outcome).containsEntry(Outcome.ADVANCED, 1);
        assertThat(enrolmentOf("S-1").exitReason()).isEqualTo("goal");
        assertThat(counted(ResultCounter.ANSWERED, "wait-answer", "A")).isEqualTo(2);
        assertThat(counted(ResultCounter.GOAL_REACHED, "wait-answer", "A")).isEqualTo(1);
    }

    @Test
    void theStudentJourneyAsksEveryoneOnceAndRemindsOnlyThoseWhoDidNotAnswer() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1", "S-2", "S-3"));
        advanceAllRequested();

        assertThat(sends.templates()).containsExactly("student-ask", "student-ask", "student-ask");
        assertThat(enrolmentOf("S-1").state()).isEqualTo(EnrolmentState.WAITING);

        runner.signal(DEMO, answer("S-2"));
        assertThat(enrolmentOf("S-2").state()).isEqualTo(EnrolmentState.DONE);
        assertThat(enrolmentOf("S-2").goalReachedAt()).isNotNull();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        sweepAll();

        assertThat(sends.requests).filteredOn(r -> r.templateId().equals("student-remind"))
                .extracting(SendRequest::contactId).containsExactlyInAnyOrder("S-1", "S-3");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        sweepAll();
        assertThat(List.of("S-1", "S-2", "S-3")).allMatch(id -> enrolmentOf(id).state() == EnrolmentState.DONE);
        assertThat(enrolments.total(JOURNEY, ResultCounter.ENROLLED)).isEqualTo(3);
        assertThat(enrolments.total(JOURNEY, ResultCounter.QUEUED)).isEqualTo(5);
        assertThat(enrolments.total(JOURNEY, ResultCounter.GOAL_REACHED)).isEqualTo(1);
        assertThat(enrolments.total(JOURNEY, ResultCounter.EXITED)).isEqualTo(3);
    }

    @Test
    void aPersonWhoReachesAnSmsStepInQuietHoursWaitsThereAndGetsItWhenTheyEndWithTheSameKey() {
        windows = (channel, now) -> SendTimes.earliest(SendSettings.DEFAULT, channel, now);
        clock.set(Instant.parse("2026-12-01T21:30:00Z")); // 22:30 in Oslo
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        advanceAllRequested();

        assertThat(sends.requests).as("nothing at night").isEmpty();
        Enrolment waiting = enrolmentOf("S-1");
        assertThat(waiting.state()).isEqualTo(EnrolmentState.WAITING);
        assertThat(waiting.dueAt()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z")); // 08:00 in Oslo
        assertThat(waiting.visits()).doesNotContainKey(waiting.stepId());

        clock.set(Instant.parse("2026-12-02T06:59:00Z"));
        sweepAll();
        assertThat(sends.requests).as("not a minute early").isEmpty();

        clock.set(Instant.parse("2026-12-02T07:00:30Z"));
        sweepAll();
        sweepAll();
        assertThat(sends.requests).singleElement().satisfies(request -> {
            assertThat(request.templateId()).isEqualTo("student-ask");
            assertThat(request.idempotencyKey()).endsWith(":1");
        });
        assertThat(enrolments.total(JOURNEY, ResultCounter.QUEUED)).isEqualTo(1);
    }

    @Test
    void aRedeliveredEnrolmentChunkOrStepSendsNothingTwice() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1", "S-2"));
        List<EnrolmentRef> first = new ArrayList<>(stepRequests);
        advanceAllRequested();

        Map<Outcome, Integer> again = runner.enrol(DEMO, JOURNEY, 1, List.of("S-1", "S-2"));
        first.forEach(ref -> assertThat(runner.advance(DEMO, ref)).isEqualTo(Outcome.UNCHANGED));
        advanceAllRequested();

        assertThat(again).containsEntry(Outcome.NOT_ENROLLED, 2);
        assertThat(sends.requests).hasSize(2);
        assertThat(sends.requests).extracting(SendRequest::idempotencyKey).doesNotHaveDuplicates();
        assertThat(enrolments.total(JOURNEY, ResultCounter.ENROLLED)).isEqualTo(2);
    }

    /** A journey that lets people in again after they leave, capped at {@code cap}, and leaves at once. */
    private static JourneyVersion reenteringJourney(String id, Long cap) {
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("done", new Step.Exit("done"));
        return new JourneyVersion(DEMO, id, 1, new JourneyDefinition("Again and again",
                new Trigger.Campaign("everyone", null), new EntryRules(true, cap), null, "done", steps));
    }

    @Test
    void runningACampaignAgainEnrolsOnlyThoseNeverInItEvenWhenTheEntryRulesLetPeopleReenter() {
        catalog.put(reenteringJourney("again", null), JourneyStatus.ACTIVE);
        assertThat(runner.enrolRun(DEMO, "again", 1, "campaign", List.of("S-1", "S-2")))
                .isEqualTo(new RunChunk(2, 0, 0, 0));
        advanceAllRequested();
        assertThat(enrolments.latest(DEMO, "S-1", "again").orElseThrow().state()).isEqualTo(EnrolmentState.DONE);

        RunChunk rerun = runner.enrolRun(DEMO, "again", 1, CampaignReruns.runId(clock.instant()),
                List.of("S-1", "S-2", "S-3"));
        RunChunk redelivered = runner.enrolRun(DEMO, "again", 1, CampaignReruns.runId(clock.instant()),
                List.of("S-1", "S-2", "S-3"));

        assertThat(rerun).isEqualTo(new RunChunk(1, 2, 0, 0));
        assertThat(redelivered).isEqualTo(new RunChunk(0, 3, 0, 0));
        assertThat(enrolments.total("again", ResultCounter.ENROLLED)).isEqualTo(3);
        // A recurring entry's period follows the entry rules: the people who left come in again.
        advanceAllRequested();
        assertThat(runner.enrolRun(DEMO, "again", 1, "period-7", List.of("S-1", "S-2")))
                .isEqualTo(new RunChunk(2, 0, 0, 0));
    }

    @Test
    void aRunChunkSaysWhomTheCapAndAnInactiveJourneyLeftOut() {
        catalog.put(reenteringJourney("capped", 1L), JourneyStatus.ACTIVE);
        assertThat(runner.enrolRun(DEMO, "capped", 1, "campaign", List.of("S-1", "S-2", "S-3")))
                .isEqualTo(new RunChunk(1, 0, 2, 0));

        catalog.put(reenteringJourney("capped", 1L), JourneyStatus.PAUSED);
        assertThat(runner.enrolRun(DEMO, "capped", 1, "campaign", List.of("S-2", "S-3")))
                .isEqualTo(new RunChunk(0, 0, 0, 2));
    }

    @Test
    void aCrashBetweenTheCommitAndTheQueueLeavesTheSendPendingAndTheRetrySendsItOnce() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        EnrolmentRef ref = stepRequests.get(0);
        sends.failNext = true;

        assertThatThrownBy(() -> runner.advance(DEMO, ref)).isInstanceOf(IllegalStateException.class);
        assertThat(sends.requests).isEmpty();
        assertThat(enrolments.pendingSends(DEMO, ref)).hasSize(1);

        // The message is delivered again: the state has moved on, the pending send goes out once.
        assertThat(runner.advance(DEMO, ref)).isEqualTo(Outcome.UNCHANGED);
        assertThat(runner.advance(DEMO, ref)).isEqualTo(Outcome.UNCHANGED);
        assertThat(sends.requests).hasSize(1);
        assertThat(enrolments.pendingSends(DEMO, ref)).isEmpty();
    }

    @Test
    void aCappedSendIsCountedAsCappedAndThePersonMovesOn() {
        for (int i = 0; i < FrequencyCap.DEFAULT.limit(); i++) {
            enrolments.reserve(DEMO, "S-1", SendChannel.SMS, "other-journey-" + i, FrequencyCap.DEFAULT, clock.instant());
        }
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        advanceAllRequested();

        assertThat(sends.requests).isEmpty();
        assertThat(enrolments.total(JOURNEY, ResultCounter.CAPPED)).isEqualTo(1);
        assertThat(enrolmentOf("S-1").state()).isEqualTo(EnrolmentState.WAITING);
        assertThat(enrolmentOf("S-1").stepId()).isEqualTo("wait-answer");
    }

    @Test
    void theTenantsOwnCapApplies() {
        tenantCaps.put(DEMO, new FrequencyCap(1, Duration.ofDays(30)));
        enrolments.reserve(DEMO, "S-1", SendChannel.SMS, "other-journey", tenantCaps.get(DEMO), clock.instant());
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1", "S-2"));
        advanceAllRequested();

        assertThat(sends.requests).extracting(SendRequest::contactId).containsExactly("S-2");
        assertThat(enrolments.total(JOURNEY, ResultCounter.CAPPED)).isEqualTo(1);
    }

    @Test
    void aPausedJourneyHoldsItsPeopleWhereTheyAreUntilResumed() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        catalog.put(studentJourney(), JourneyStatus.PAUSED);
        EnrolmentRef ref = stepRequests.get(0);

        assertThat(runner.advance(DEMO, ref)).isEqualTo(Outcome.PAUSED);
        assertThat(sends.requests).isEmpty();

        catalog.put(studentJourney(), JourneyStatus.ACTIVE);
        sweepAll();
        assertThat(sends.requests).hasSize(1);
    }

    @Test
    void anEndedJourneyEnrolsNobodyAndExitsThoseStillInIt() {
        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        catalog.put(studentJourney(), JourneyStatus.ENDED);

        assertThat(runner.enrol(DEMO, JOURNEY, 1, List.of("S-2"))).containsEntry(Outcome.NOT_ENROLLED, 1);
        advanceAllRequested();
        assertThat(enrolmentOf("S-1").state()).isEqualTo(EnrolmentState.DONE);
        assertThat(enrolmentOf("S-1").exitReason()).isEqualTo("journey-ended");
        assertThat(sends.requests).isEmpty();
    }

    @Test
    void aBranchOnAPredictionReadsTheTenantsTableOnlyForJourneysThatHaveOne() {
        no.dialog.core.predicted.PredictionTable table = no.dialog.core.predicted.PredictionTable.builder(
                        clock.instant(), java.util.Set.of(no.dialog.core.predicted.ModelKind.DROPOUT_RISK))
                .add("S-1", risk(9)).add("S-2", risk(3)).build();
        List<TenantId> reads = new ArrayList<>();
        no.dialog.core.predicted.PredictionTables tables = new no.dialog.core.predicted.PredictionTables() {
            @Override
            public Optional<no.dialog.core.predicted.PredictionTable> latest(TenantId tenant) {
                reads.add(tenant);
                return Optional.of(table);
            }

            @Override
            public void publish(TenantId tenant, no.dialog.core.predicted.PredictionTable t) {}

            @Override
            public boolean erase(TenantId tenant, String contactId) {
                return false;
            }
        };
        runner = new EnrolmentRunner(enrolments, catalog, contacts, enrolments, sends,
                (tenant, refs) -> stepRequests.addAll(refs), enrolments,
                (tenant, contactId, field, value, key) -> { }, caps, tenant -> windows, tables, clock);
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("route", new Step.Branch("route", List.of(new Step.BranchCase(
                no.dialog.core.segment.Criterion.Condition.of("predicted.dropoutRiskDecile",
                        no.dialog.core.segment.Operator.GREATER_THAN, 8), null, false, "high")), "low"));
        steps.put("high", new Step.Exit("high"));
        steps.put("low", new Step.Exit("low"));
        catalog.put(new JourneyVersion(DEMO, "risk", 1, new JourneyDefinition("Frafall",
                new Trigger.Campaign("risky", null), EntryRules.oncePerPerson(), null, "route", steps)),
                JourneyStatus.ACTIVE);

        runner.enrol(DEMO, JOURNEY, 1, List.of("S-1"));
        advanceAllRequested();
        assertThat(reads).isEmpty(); // the student journey has no predicted branch

        runner.enrol(DEMO, "risk", 1, List.of("S-1", "S-2", "S-3"));
        advanceAllRequested();
        assertThat(reads).isNotEmpty().containsOnly(DEMO);
        assertThat(enrolments.latest(DEMO, "S-1", "risk").orElseThrow().stepId()).isEqualTo("high");
        assertThat(enrolments.latest(DEMO, "S-2", "risk").orElseThrow().stepId()).isEqualTo("low");
        assertThat(enrolments.latest(DEMO, "S-3", "risk").orElseThrow().stepId()).isEqualTo("low"); // not scored
    }

    private static no.dialog.core.predicted.Prediction risk(int decile) {
        return new no.dialog.core.predicted.Prediction(Map.of(no.dialog.core.predicted.ModelKind.DROPOUT_RISK,
                new no.dialog.core.predicted.Prediction.Score(decile / 10.0, decile)), null, null);
    }

    static final class Catalog implements JourneyCatalog {
        private final Map<String, JourneyVersion> versions = new LinkedHashMap<>();
        private final Map<String, JourneyStatus> statuses = new LinkedHashMap<>();

        void put(JourneyVersion version, JourneyStatus status) {
            versions.put(version.journeyId() + "/" + version.version(), version);
            statuses.put(version.journeyId(), status);
        }

        @Override
        public Optional<JourneyVersion> version(TenantId tenant, String journeyId, int version) {
            return Optional.ofNullable(versions.get(journeyId + "/" + version));
        }

        @Override
        public Optional<JourneyStatus> status(TenantId tenant, String journeyId) {
            return Optional.ofNullable(statuses.get(journeyId));
        }

        @Override
        public List<JourneyVersion> active(TenantId tenant) {
            return versions.values().stream().filter(v -> statuses.get(v.journeyId()) == JourneyStatus.ACTIVE).toList();
        }
    }

    static final class Sends implements SendQueues {
        final List<SendRequest> requests = new ArrayList<>();
        boolean failNext;

        @Override
        public boolean serves(SendChannel channel) {
            return channel == SendChannel.SMS;
        }

        @Override
        public void enqueue(List<SendRequest> batch) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("queue unavailable");
            }
            requests.addAll(batch);
        }

        List<String> templates() {
            return requests.stream().map(SendRequest::templateId).toList();
        }
    }

    /** The store, except that a person's enrolments are read as they were before another runner wrote. */
    private record StaleOfContact(InMemoryEnrolments store, Enrolment before) implements EnrolmentStore {
        @Override
        public List<Enrolment> ofContact(TenantId tenant, String contactId) {
            return List.of(before);
        }

        @Override
        public boolean create(Enrolment enrolment, List<ResultKey> counts) {
            return store.create(enrolment, counts);
        }

        @Override
        public boolean commit(Enrolment previous, Enrolment next, List<SendRequest> pendingSends,
                              List<ResultKey> counts) {
            return store.commit(previous, next, pendingSends, counts);
        }

        @Override
        public Optional<Stored> load(TenantId tenant, EnrolmentRef ref) {
            return store.load(tenant, ref);
        }

        @Override
        public Optional<Enrolment> latest(TenantId tenant, String contactId, String journeyId) {
            return store.latest(tenant, contactId, journeyId);
        }

        @Override
        public void clearPending(Enrolment enrolment) {
            store.clearPending(enrolment);
        }

        @Override
        public void forEachDue(int shard, Instant now, java.util.function.Consumer<List<DueEnrolment>> page) {
            store.forEachDue(shard, now, page);
        }

        @Override
        public int dueShards() {
            return store.dueShards();
        }

        @Override
        public List<ResultCount> results(TenantId tenant, String journeyId) {
            return store.results(tenant, journeyId);
        }
    }
}
