package no.dialog.core.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.Trigger;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;

/**
 * The segmentation function's work, in three kinds of job:
 * <ol>
 *   <li>{@link #tick}: every minute, claims the runs that are due (a campaign whose start time has
 *       come, once per journey; a recurring entry, once per period) and queues one evaluation each;</li>
 *   <li>{@link #evaluate}: streams the segment's matches into enrolment jobs of {@value #CHUNK} ids,
 *       so memory stays bounded and the cost grows linearly with the register;</li>
 *   <li>{@link #enrol}: one chunk of people into the journey (see {@link EnrolmentRunner#enrolRun}).</li>
 * </ol>
 * Each run is recorded ({@link JourneyRuns}): what its evaluation read (a snapshot and the contacts
 * changed since, so never an older view than the last change; ADR 0034), how many matched, and what
 * became of them, so a run that enrolled nobody says why; staff may then run a campaign again
 * ({@link #rerun}).
 * Recurring entries enrol everyone who matches in the period; people already in the journey, or done
 * with it when it enrols once, are skipped by the entry rules, so in effect only new matches enter.
 */
public final class SegmentationRunner {

    public static final int CHUNK = 500;
    /** Chunks queued per SendMessageBatch call. */
    private static final int CHUNKS_PER_CALL = 10;
    static final String CAMPAIGN_RUN = "campaign";

    private final TenantDirectory tenants;
    private final JourneyCatalog catalog;
    private final SegmentStore segments;
    private final SegmentMatches matches;
    private final JourneyEntries entries;
    private final SegmentJobs jobs;
    private final EnrolmentRunner runner;
    private final JourneyRuns runs;
    private final Clock clock;

    public SegmentationRunner(TenantDirectory tenants, JourneyCatalog catalog, SegmentStore segments,
                              SegmentMatches matches, JourneyEntries entries, SegmentJobs jobs,
                              EnrolmentRunner runner, JourneyRuns runs, Clock clock) {
        this.runs = Objects.requireNonNull(runs);
        this.tenants = Objects.requireNonNull(tenants);
        this.catalog = Objects.requireNonNull(catalog);
        this.segments = Objects.requireNonNull(segments);
        this.matches = Objects.requireNonNull(matches);
        this.entries = Objects.requireNonNull(entries);
        this.jobs = Objects.requireNonNull(jobs);
        this.runner = Objects.requireNonNull(runner);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Returns the number of evaluations queued. */
    public int tick() {
        Instant now = clock.instant();
        int queued = 0;
        for (TenantId tenant : tenants.all()) {
            for (JourneyVersion journey : catalog.active(tenant)) {
                String runId = dueRun(journey, now);
                if (runId != null && entries.startRun(tenant, journey.journeyId(), runId)) {
                    jobs.evaluate(tenant, journey.journeyId(), journey.version(), runId);
                    queued++;
                }
            }
        }
        return queued;
    }

    /** The run that is due now for the journey's trigger, or null. */
    static String dueRun(JourneyVersion journey, Instant now) {
        Trigger trigger = journey.definition().trigger();
        if (trigger instanceof Trigger.Campaign campaign) {
            return campaign.startAt() == null || !campaign.startAt().isAfter(now) ? CAMPAIGN_RUN : null;
        }
        if (trigger instanceof Trigger.Recurring recurring) {
            return "period-" + Math.floorDiv(now.toEpochMilli(), Math.max(60_000L, recurring.every().toMillis()));
        }
        return null;
    }

    /**
     * Evaluates the journey's segment on a view of the register as of now, queues its matches in chunks and
     * records the run; returns the evaluation.
     */
    public SegmentEvaluation evaluate(TenantId tenant, String journeyId, int version, String runId) {
        JourneyVersion journey = catalog.version(tenant, journeyId, version)
                .orElseThrow(() -> new PermanentFailure("unknown journey version"));
        String segmentId = segmentOf(journey);
        SegmentDefinition segment = segments.find(tenant, segmentId)
                .orElseThrow(() -> new PermanentFailure("the journey's segment does not exist"));
        SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(segment.criteria());
        if (!parsed.ok()) {
            throw new PermanentFailure("the journey's segment is invalid: " + parsed.problems().get(0));
        }
        Criterion criterion = parsed.criterion();
        ChunkWriter writer = new ChunkWriter(tenant, journeyId, version, runId);
        SegmentEvaluation evaluation = matches.evaluate(tenant, criterion, writer::add);
        writer.flush();
        runs.evaluated(tenant, journeyId, runId, version, evaluation, writer.chunksQueued, clock.instant());
        return evaluation;
    }

    /**
     * A campaign run staff asked for: claims the run id (a redelivered job does nothing twice) and evaluates
     * the segment on the journey's active version. Empty when the journey may not run again (no longer
     * active, not a campaign): the request is then dropped, there is nothing to retry.
     */
    public Optional<SegmentEvaluation> rerun(TenantId tenant, String journeyId, String runId) {
        JourneyVersion journey = catalog.active(tenant).stream().filter(j -> j.journeyId().equals(journeyId))
                .findFirst().orElse(null);
        if (journey == null || CampaignReruns.refusal(JourneyStatus.ACTIVE,
                journey.definition().trigger(), clock.instant()).isPresent()) {
            return Optional.empty();
        }
        if (!entries.startRun(tenant, journeyId, runId)) {
            return Optional.empty();
        }
        return Optional.of(evaluate(tenant, journeyId, journey.version(), runId));
    }

    /** One chunk of a run; a job from before runs were recorded ({@code runId} null) is enrolled uncounted. */
    public RunChunk enrol(TenantId tenant, String journeyId, int version, String runId, int chunk,
                          List<String> contactIds) {
        if (runId == null) {
            Map<Outcome, Integer> outcomes = runner.enrol(tenant, journeyId, version, contactIds);
            return new RunChunk(outcomes.getOrDefault(Outcome.ADVANCED, 0), 0, 0,
                    outcomes.getOrDefault(Outcome.NOT_ENROLLED, 0));
        }
        RunChunk outcome = runner.enrolRun(tenant, journeyId, version, runId, contactIds);
        runs.chunkDone(tenant, journeyId, runId, chunk, outcome);
        return outcome;
    }

    /** Collects ids into chunks and queues them ten chunks per call. */
    private final class ChunkWriter {
        private final TenantId tenant;
        private final String journeyId;
        private final int version;
        private final String runId;
        private List<List<String>> chunks = new ArrayList<>();
        private List<String> chunk = new ArrayList<>(CHUNK);
        private int chunksQueued;

        ChunkWriter(TenantId tenant, String journeyId, int version, String runId) {
            this.tenant = tenant;
            this.journeyId = journeyId;
            this.version = version;
            this.runId = runId;
        }

        void add(String contactId) {
            chunk.add(contactId);
            if (chunk.size() == CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>(CHUNK);
                if (chunks.size() == CHUNKS_PER_CALL) {
                    send();
                }
            }
        }

        void flush() {
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
            if (!chunks.isEmpty()) {
                send();
            }
        }

        private void send() {
            jobs.enrol(tenant, journeyId, version, runId, chunksQueued, chunks);
            chunksQueued += chunks.size();
            chunks = new ArrayList<>();
        }
    }

    private static String segmentOf(JourneyVersion journey) {
        Trigger trigger = journey.definition().trigger();
        if (trigger instanceof Trigger.Campaign campaign) {
            return campaign.segmentId();
        }
        if (trigger instanceof Trigger.Recurring recurring) {
            return recurring.segmentId();
        }
        throw new PermanentFailure("the journey does not start from a segment");
    }
}
