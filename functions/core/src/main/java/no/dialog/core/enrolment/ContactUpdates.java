package no.dialog.core.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import no.dialog.core.tenant.TenantId;

/**
 * Port: an update step's write-back to the organisation's register (a {@code ContactUpdateRequested}
 * event). {@code idempotencyKey} lets the receiver ignore a repeat.
 */
public interface ContactUpdates {

    void requested(TenantId tenant, String contactId, String field, JsonNode value, String idempotencyKey);
}
