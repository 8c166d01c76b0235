package no.dialog.core.payment.vipps;

import java.time.Instant;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the Vipps webhook events already handled, by the event's identity (Vipps retries for days and
 * may deliver the same event more than once). Entries expire after Vipps' retry period.
 */
public interface VippsEventInbox {

    /** Marks the event handled; returns false if it already was. */
    boolean markHandled(TenantId tenant, String eventId, Instant at);

    boolean handled(TenantId tenant, String eventId);
}
