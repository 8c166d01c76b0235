package no.dialog.core.enrolment;

import java.util.List;
import java.util.Optional;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.tenant.TenantId;

/**
 * Port: journeys as the runtime needs them: a parsed version (immutable, so implementations may cache
 * it for the life of a function instance), the current status, and the journeys that are running.
 */
public interface JourneyCatalog {

    Optional<JourneyVersion> version(TenantId tenant, String journeyId, int version);

    Optional<JourneyStatus> status(TenantId tenant, String journeyId);

    /** The active version of every ACTIVE journey of the tenant. */
    List<JourneyVersion> active(TenantId tenant);
}
