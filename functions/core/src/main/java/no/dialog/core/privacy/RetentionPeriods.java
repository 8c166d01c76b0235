package no.dialog.core.privacy;

import java.time.Duration;
import no.dialog.core.tenant.TenantId;

/**
 * Port: how long an organisation keeps each {@link RetentionKind}, as its settings say (within the platform's
 * bounds). Stores ask it when they set an item's expiry.
 */
public interface RetentionPeriods {

    Duration period(TenantId tenant, RetentionKind kind);

    /** Every organisation on Dialog's defaults: for stores used where no organisation's settings are read. */
    RetentionPeriods DEFAULTS = (tenant, kind) -> kind.byDefault();
}
