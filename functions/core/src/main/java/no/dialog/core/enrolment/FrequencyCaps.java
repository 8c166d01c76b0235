package no.dialog.core.enrolment;

import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/** Port: each tenant's frequency cap per channel; {@link FrequencyCap#DEFAULT} where none is set. */
public interface FrequencyCaps {

    FrequencyCap capFor(TenantId tenant, SendChannel channel);

    /** The default for every tenant and channel. */
    FrequencyCaps DEFAULTS = (tenant, channel) -> FrequencyCap.DEFAULT;
}
