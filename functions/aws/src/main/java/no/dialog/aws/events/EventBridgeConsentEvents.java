package no.dialog.aws.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.optout.ConsentEvents;
import no.dialog.core.optout.OptOut;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link ConsentEvents} as {@code ConsentChanged} events on Dialog's bus (source {@code dialog.consents}),
 * for the organisation's register. Detail: {@code tenant, contactId, channel, granted (false), source,
 * reason, at, idempotencyKey} (example: events/webhooks/consent-changed.json).
 */
@Singleton
@Requires(classes = EventBridgeClient.class)
@Requires(property = "event.bus.name")
public class EventBridgeConsentEvents implements ConsentEvents {

    public static final String SOURCE = "dialog.consents";
    public static final String DETAIL_TYPE = "ConsentChanged";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeConsentEvents(EventBridgeClient events, @Value("${event.bus.name:}") String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void consentWithdrawn(TenantId tenant, OptOut optOut) {
        if (busName.isBlank()) {
            throw new IllegalStateException("no event bus configured for consent changes");
        }
        String detail = MAPPER.createObjectNode().put("tenant", tenant.value()).put("contactId", optOut.contactId())
                .put("channel", optOut.channel().jsonName()).put("granted", false).put("source", optOut.source())
                .put("reason", optOut.reason()).put("at", optOut.at().toString())
                .put("idempotencyKey", optOut.idempotencyKey()).toString();
        PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(busName).source(SOURCE)
                .detailType(DETAIL_TYPE).detail(detail)));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("the bus refused a ConsentChanged event");
        }
    }
}
