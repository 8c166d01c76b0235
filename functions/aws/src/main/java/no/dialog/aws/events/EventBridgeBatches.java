package no.dialog.aws.events;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Puts events of one source on Dialog's bus in batches of ten (PutEvents' limit per request). Any refused
 * entry fails the call: the caller's work is retried and publishes again with the same idempotency keys,
 * which the receivers use to ignore what they already had.
 */
public final class EventBridgeBatches {

    /** PutEvents takes at most ten entries a request. */
    public static final int BATCH = 10;

    private final EventBridgeClient events;
    private final String busName;
    private final String source;

    /** @param busName the bus ({@code EVENT_BUS_NAME}); blank when the function has none configured */
    public EventBridgeBatches(EventBridgeClient events, String busName, String source) {
        this.events = events;
        this.busName = busName == null ? "" : busName;
        this.source = source;
    }

    /** A detail type and its detail as JSON text. */
    public record Entry(String detailType, String detail) {}

    /**
     * @throws IllegalStateException when no bus is configured (a wiring error) or the bus refused an entry
     */
    public void put(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (busName.isBlank()) {
            throw new IllegalStateException("no event bus configured for " + source + " events");
        }
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (Entry entry : batch) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(busName).source(source)
                    .detailType(entry.detailType()).detail(entry.detail()).build());
        }
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<PutEventsRequestEntry> slice = entries.subList(from, Math.min(entries.size(), from + BATCH));
            PutEventsResponse response = events.putEvents(b -> b.entries(slice));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new IllegalStateException("the bus refused " + response.failedEntryCount() + " " + source
                        + " events");
            }
        }
    }
}
