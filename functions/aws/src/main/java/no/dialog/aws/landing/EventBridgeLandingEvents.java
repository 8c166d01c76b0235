package no.dialog.aws.landing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.aws.events.EventBridgeBatches;
import no.dialog.core.landing.LandingEvents;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * {@link LandingEvents} on Dialog's bus ({@code EVENT_BUS_NAME}), source {@code dialog.landing}, in
 * batches of ten (PutEvents' limit). A refused entry fails the request, so the person sees an error and
 * a new attempt publishes again with the same idempotency keys.
 */
@Singleton
@Requires(classes = EventBridgeClient.class)
@Requires(property = "event.bus.name")
public class EventBridgeLandingEvents implements LandingEvents {

    public static final String SOURCE = "dialog.landing";

    private final EventBridgeBatches bus;

    public EventBridgeLandingEvents(EventBridgeClient events, @Value("${event.bus.name:}") String busName) {
        this.bus = new EventBridgeBatches(events, busName, SOURCE);
    }

    @Override
    public void publish(TenantId tenant, List<BusEvent> batch) {
        bus.put(batch.stream().map(event -> new EventBridgeBatches.Entry(event.detailType(),
                event.detail().toString())).toList());
    }
}
