package no.dialog.core.journey;

import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/** One immutable version of a journey; enrolments point at the version they started on. */
public record JourneyVersion(TenantId tenant, String journeyId, int version, JourneyDefinition definition) {

    public JourneyVersion {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(definition, "definition");
    }
}
