package no.dialog.core.payment.vipps;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: how far the Donations report has been read per tenant: the {@code capturedAt} of the last gift
 * registered. Only moved forward, after the gifts up to it are registered, so a crash reads some gifts
 * again (and registers nothing twice, the ledger sees to that) and never skips one.
 */
public interface DonationCursors {

    Optional<Instant> position(TenantId tenant);

    /** Moves the cursor to {@code capturedAt} unless it is already there or further. */
    void advance(TenantId tenant, Instant capturedAt);
}
