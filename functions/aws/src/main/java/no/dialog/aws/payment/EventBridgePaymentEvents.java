package no.dialog.aws.payment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.aws.events.EventBridgeBatches;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * {@link PaymentEvents} on Dialog's bus ({@code EVENT_BUS_NAME}), source {@code dialog.payments}:
 * {@code GiftReceived}, {@code PaymentReceived}, {@code GiverCandidateFound}, {@code RecurringDonorSignedUp}
 * (schemas and examples: docs/payments.md, events/bus/). A refused entry fails the registration, which is
 * then finished by the next delivery with the same idempotency keys.
 */
@Singleton
@Requires(classes = EventBridgeClient.class)
@Requires(property = "event.bus.name")
public class EventBridgePaymentEvents implements PaymentEvents {

    public static final String SOURCE = "dialog.payments";

    private final EventBridgeBatches bus;

    public EventBridgePaymentEvents(EventBridgeClient events, @Value("${event.bus.name:}") String busName) {
        this.bus = new EventBridgeBatches(events, busName, SOURCE);
    }

    @Override
    public void publish(TenantId tenant, List<BusEvent> events) {
        bus.put(events.stream().map(event -> new EventBridgeBatches.Entry(event.detailType(),
                event.detail().toString())).toList());
    }
}
