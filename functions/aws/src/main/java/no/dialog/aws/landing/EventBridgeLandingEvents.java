package no.dialog.aws.landing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.landing.LandingEvents;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link LandingEvents} on Dialog's bus ({@code EVENT_BUS_NAME}), source {@code dialog.landing}, in
 * batches of ten (PutEvents' limit). A refused entry fails the request, so the person sees an error and
 * a new attempt publishes again with the same idempotency keys.
 */
@Singleton
public class EventBridgeLandingEvents implements LandingEvents {

    public static final String SOURCE = "dialog.landing";

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeLandingEvents(EventBridgeClient events, @Value("${event.bus.name:}") String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void publish(TenantId tenant, List<BusEvent> batch) {
        if (busName.isBlank()) {
            throw new IllegalStateException("no event bus configured for landing events");
        }
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (BusEvent event : batch) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE)
                    .detailType(event.detailType()).detail(event.detail().toString()).build());
        }
        for (int from = 0; from < entries.size(); from += 10) {
            List<PutEventsRequestEntry> slice = entries.subList(from, Math.min(entries.size(), from + 10));
            PutEventsResponse response = events.putEvents(b -> b.entries(slice));
            if (response.failedEntryCount() > 0) {
                throw new IllegalStateException("the bus refused " + response.failedEntryCount() + " landing events");
            }
        }
    }
}
