package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.List;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the record of each run of a journey (ADR 0034), kept beside the claim that makes a run happen
 * once ({@link JourneyEntries#startRun}). Both writes are safe to repeat: a redelivered chunk is counted
 * once, by its number.
 */
public interface JourneyRuns {

    /** The segment was evaluated and its matches queued in {@code chunks} chunks. */
    void evaluated(TenantId tenant, String journeyId, String runId, int version, SegmentEvaluation evaluation,
                   int chunks, Instant at);

    /** Chunk number {@code chunk} (from 0) of the run was enrolled; a repeat of the same chunk changes nothing. */
    void chunkDone(TenantId tenant, String journeyId, String runId, int chunk, RunChunk outcome);

    /** The journey's runs, oldest first. */
    List<JourneyRun> list(TenantId tenant, String journeyId);
}
