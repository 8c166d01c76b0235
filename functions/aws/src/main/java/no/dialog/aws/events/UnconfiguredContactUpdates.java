package no.dialog.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import no.dialog.core.enrolment.ContactUpdates;
import no.dialog.core.tenant.TenantId;

/**
 * {@link ContactUpdates} in a function without an event bus ({@code EVENT_BUS_NAME}): segmentation shares the
 * journey runtime with journeys, but only journeys runs update steps, so a request here is a wiring error.
 */
@Singleton
@Requires(missingProperty = "event.bus.name")
public class UnconfiguredContactUpdates implements ContactUpdates {

    @Override
    public void requested(TenantId tenant, String contactId, String field, JsonNode value, String idempotencyKey) {
        throw new IllegalStateException("no event bus configured for contact updates");
    }
}
