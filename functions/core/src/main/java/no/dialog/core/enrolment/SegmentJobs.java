package no.dialog.core.enrolment;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/** Port: the segment-jobs queue, where evaluations and enrolment chunks wait for the segmentation function. */
public interface SegmentJobs {

    void evaluate(TenantId tenant, String journeyId, int version, String runId);

    /** One job per chunk of contact ids. */
    void enrol(TenantId tenant, String journeyId, int version, List<List<String>> chunks);
}
