package no.dialog.core.enrolment;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/** Port: asks the journeys function to advance these enrolments (carried in chunks, not one per person). */
public interface StepQueue {

    void advance(TenantId tenant, List<EnrolmentRef> refs);
}
