package no.dialog.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.enrolment.ContactUpdates;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link ContactUpdates} as {@code ContactUpdateRequested} events on Dialog's bus (source
 * {@code dialog.journeys}), for the organisation's register to apply.
 */
@Singleton
@Requires(classes = EventBridgeClient.class)
@Requires(property = "event.bus.name")
public class EventBridgeContactUpdates implements ContactUpdates {

    public static final String SOURCE = "dialog.journeys";
    public static final String DETAIL_TYPE = "ContactUpdateRequested";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeContactUpdates(EventBridgeClient events, @Value("${event.bus.name:}") String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void requested(TenantId tenant, String contactId, String field, JsonNode value, String idempotencyKey) {
        if (busName.isBlank()) {
            // Only the journeys function runs update steps and has EVENT_BUS_NAME; anything else is a wiring bug.
            throw new IllegalStateException("no event bus configured for contact updates");
        }
        String detail = MAPPER.createObjectNode().put("tenant", tenant.value()).put("contactId", contactId)
                .put("field", field).put("idempotencyKey", idempotencyKey).set("value", value).toString();
        PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(busName).source(SOURCE)
                .detailType(DETAIL_TYPE).detail(detail)));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("the bus refused a ContactUpdateRequested event");
        }
    }
}
