package no.dialog.core.enrolment;

import java.time.Instant;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the frequency cap's memory, per person and channel across journeys. {@link #reserve} is
 * idempotent per idempotency key: asking again for a send that was already allowed answers true
 * without using a second place.
 */
public interface SendAllowance {

    boolean reserve(TenantId tenant, String contactId, SendChannel channel, String idempotencyKey,
                    FrequencyCap cap, Instant now);
}
