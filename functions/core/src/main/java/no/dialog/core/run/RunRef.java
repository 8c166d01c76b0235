package no.dialog.core.run;

import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/** Names one run: whose, on which channel, and its {@link RunIds id}. */
public record RunRef(TenantId tenant, SendChannel channel, String runId) {

    public RunRef {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        if (!RunIds.isValid(runId)) {
            throw new IllegalArgumentException("runId is not a run id");
        }
    }
}
