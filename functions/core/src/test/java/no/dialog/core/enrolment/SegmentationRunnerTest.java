package no.dialog.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.journey.EntryRules;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.Step;
import no.dialog.core.journey.Trigger;
import no.dialog.core.segment.ContactScanMatches;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryEnrolments;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs of a campaign: recorded with their evaluation and chunks, and run again on request (ADR 0034). */
class SegmentationRunnerTest {

    private static final TenantId DEMO = TenantId.of("demo");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryEnrolments enrolments = new InMemoryEnrolments();
    private final EnrolmentRunnerTest.Catalog catalog = new EnrolmentRunnerTest.Catalog();
    private final Jobs jobs = new Jobs();
    private final Runs runs = new Runs();
    private SegmentationRunner segmentation;

    @BeforeEach
    void setUp() throws Exception {
        ContactJson json = new ContactJson(clock);
        for (int i = 0; i < 1_200; i++) {
            contacts.upsert(DEMO, json.read("{\"id\":\"M-" + i + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"memberships\":[{\"type\":\"student\",\"status\":\"active\"}]}").contact());
        }
        SegmentDefinition students = new SegmentDefinition("students", "Students", new ObjectMapper().readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}"), clock.instant());
        SegmentDefinition nobody = new SegmentDefinition("nobody", "Nobody", new ObjectMapper().readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"honorary\"}"), clock.instant());
        Map<String, SegmentDefinition> segments = Map.of("students", students, "nobody", nobody);
        SegmentStore store = new SegmentStore() {
            @Override
            public Optional<SegmentDefinition> find(TenantId tenant, String segmentId) {
                return Optional.ofNullable(segments.get(segmentId));
            }

            @Override
            public List<SegmentDefinition> list(TenantId tenant) {
                return List.copyOf(segments.values());
            }

            @Override
            public void save(TenantId tenant, SegmentDefinition segment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean delete(TenantId tenant, String segmentId) {
                throw new UnsupportedOperationException();
            }
        };
        TenantDirectory tenants = new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return Optional.empty();
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                return false;
            }

            @Override
            public List<TenantId> all() {
                return List.of(DEMO);
            }
        };
        EnrolmentRunner runner = new EnrolmentRunner(enrolments, catalog, contacts, enrolments,
                new EnrolmentRunnerTest.Sends(), (tenant, refs) -> { }, enrolments,
                (tenant, contactId, field, value, key) -> { }, (tenant, channel) -> FrequencyCap.DEFAULT,
                tenant -> no.dialog.core.journey.SendWindows.ALWAYS, clock);
        segmentation = new SegmentationRunner(tenants, catalog, store, new ContactScanMatches(contacts, clock),
                enrolments, jobs, runner, runs, clock);
    }

    private static JourneyVersion journey(String id, Trigger trigger) {
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("done", new Step.Exit("done"));
        return new JourneyVersion(DEMO, id, 1, new JourneyDefinition("Campaign", trigger,
                new EntryRules(true, null), null, "done", steps));
    }

    /** What the segment-jobs queue would deliver: each queued chunk, enrolled by the segmentation function. */
    private void enrolQueuedChunks() {
        List<Jobs.Chunk> queued = new ArrayList<>(jobs.chunks);
        jobs.chunks.clear();
        queued.forEach(c -> segmentation.enrol(DEMO, c.journeyId, 1, c.runId, c.number, c.ids));
    }

    @Test
    void aCampaignRunIsRecordedWithItsEvaluationAndNumberedChunksAndRunAgainEnrolsNobodyTwice() {
        catalog.put(journey("spring", new Trigger.Campaign("students", null)), JourneyStatus.ACTIVE);
        assertThat(segmentation.tick()).isEqualTo(1);
        assertThat(jobs.evaluations).containsExactly("spring/campaign");

        SegmentEvaluation evaluation = segmentation.evaluate(DEMO, "spring", 1, "campaign");

        assertThat(evaluation.matches()).isEqualTo(1_200);
        assertThat(jobs.chunks).extracting(c -> c.runId + "#" + c.number + ":" + c.ids.size())
                .containsExactly("campaign#0:500", "campaign#1:500", "campaign#2:200");
        assertThat(runs.run("spring", "campaign").status()).isEqualTo(JourneyRun.ENROLLING);
        enrolQueuedChunks();
        assertThat(runs.run("spring", "campaign").outcome()).isEqualTo(new RunChunk(1_200, 0, 0, 0));
        assertThat(runs.run("spring", "campaign").status()).isEqualTo(JourneyRun.DONE);

        clock.advance(Duration.ofMinutes(1));
        String again = CampaignReruns.runId(clock.instant());
        assertThat(segmentation.rerun(DEMO, "spring", again)).isPresent();
        assertThat(segmentation.rerun(DEMO, "spring", again)).as("claimed once").isEmpty();
        enrolQueuedChunks();

        JourneyRun rerun = runs.run("spring", again);
        assertThat(rerun.outcome()).isEqualTo(new RunChunk(0, 1_200, 0, 0));
        assertThat(rerun.reason()).isEqualTo("all already enrolled");
        assertThat(enrolments.total("spring", no.dialog.core.journey.ResultCounter.ENROLLED)).isEqualTo(1_200);
    }

    @Test
    void aRunOfASegmentThatMatchesNobodySaysSoAndOnlyAnActiveCampaignRunsAgain() {
        catalog.put(journey("empty", new Trigger.Campaign("nobody", null)), JourneyStatus.ACTIVE);
        segmentation.evaluate(DEMO, "empty", 1, "campaign");
        assertThat(jobs.chunks).isEmpty();
        assertThat(runs.run("empty", "campaign").reason()).isEqualTo("segment matched 0 contacts");

        catalog.put(journey("daily", new Trigger.Recurring("students", Duration.ofDays(1))), JourneyStatus.ACTIVE);
        assertThat(segmentation.rerun(DEMO, "daily", CampaignReruns.runId(clock.instant()))).isEmpty();
        catalog.put(journey("empty", new Trigger.Campaign("nobody", null)), JourneyStatus.PAUSED);
        assertThat(segmentation.rerun(DEMO, "empty", CampaignReruns.runId(clock.instant()))).isEmpty();
        assertThat(runs.byKey).doesNotContainKey("daily/" + CampaignReruns.runId(clock.instant()));
    }

    private static final class Jobs implements SegmentJobs {
        record Chunk(String journeyId, String runId, int number, List<String> ids) {}

        final List<String> evaluations = new ArrayList<>();
        final List<Chunk> chunks = new ArrayList<>();

        @Override
        public void evaluate(TenantId tenant, String journeyId, int version, String runId) {
            evaluations.add(journeyId + "/" + runId);
        }

        @Override
        public void enrol(TenantId tenant, String journeyId, int version, String runId, int firstChunk,
                          List<List<String>> batch) {
            for (int i = 0; i < batch.size(); i++) {
                chunks.add(new Chunk(journeyId, runId, firstChunk + i, batch.get(i)));
            }
        }

        @Override
        public void rerun(TenantId tenant, String journeyId, String runId) {
            throw new UnsupportedOperationException("the admin API queues reruns");
        }
    }

    /** Runs in a map, counting each chunk once, as the DynamoDB adapter does. */
    private static final class Runs implements JourneyRuns {
        final Map<String, JourneyRun> byKey = new HashMap<>();
        final Map<String, java.util.Set<Integer>> done = new HashMap<>();

        JourneyRun run(String journeyId, String runId) {
            return byKey.get(journeyId + "/" + runId);
        }

        @Override
        public void evaluated(TenantId tenant, String journeyId, String runId, int version, SegmentEvaluation e,
                              int chunks, Instant at) {
            JourneyRun old = byKey.get(journeyId + "/" + runId);
            byKey.put(journeyId + "/" + runId, new JourneyRun(runId, version, at, e.matches(), e.readAt(),
                    e.snapshotAsOf(), e.overlayContacts(), e.basis(), chunks, old == null ? 0 : old.chunksDone(),
                    old == null ? RunChunk.NONE : old.outcome()));
        }

        @Override
        public void chunkDone(TenantId tenant, String journeyId, String runId, int chunk, RunChunk outcome) {
            if (!done.computeIfAbsent(journeyId + "/" + runId, k -> new java.util.HashSet<>()).add(chunk)) {
                return;
            }
            JourneyRun old = byKey.get(journeyId + "/" + runId);
            byKey.put(journeyId + "/" + runId, new JourneyRun(runId, old.version(), old.evaluatedAt(), old.matched(),
                    old.readAt(), old.snapshotAsOf(), old.overlayContacts(), old.basis(), old.chunks(),
                    old.chunksDone() + 1, old.outcome().plus(outcome)));
        }

        @Override
        public List<JourneyRun> list(TenantId tenant, String journeyId) {
            return byKey.values().stream().filter(r -> byKey.get(journeyId + "/" + r.runId()) == r).toList();
        }
    }
}
