package no.dialog.core.enrolment;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/** Port: the segment-jobs queue, where evaluations and enrolment chunks wait for the segmentation function. */
public interface SegmentJobs {

    void evaluate(TenantId tenant, String journeyId, int version, String runId);

    /** One job per chunk of contact ids, numbered from {@code firstChunk} within the run. */
    void enrol(TenantId tenant, String journeyId, int version, String runId, int firstChunk, List<List<String>> chunks);

    /** Staff asked to run a campaign again under a new run id (ADR 0034). */
    void rerun(TenantId tenant, String journeyId, String runId);
}
