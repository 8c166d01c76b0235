package no.dialog.aws.snapstart;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Warms the EventBridge client where the function publishes events, nothing sent. */
@Singleton
@Requires(classes = EventBridgeClient.class)
public class EventBridgePrimer implements Primer {

    private final EventBridgeClient events;
    private final SdkCallPriming priming;

    public EventBridgePrimer(EventBridgeClient events, SdkCallPriming priming) {
        this.events = events;
        this.priming = priming;
    }

    @Override
    public void prime() {
        priming.dryRun(events, c -> c.putEvents(b -> b.entries(e -> e.eventBusName("dialog-priming")
                .source("dialog.priming").detailType("Priming").detail("{}"))));
    }
}
