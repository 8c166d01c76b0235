package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The EventBridge client, in the functions whose module brings the SDK's EventBridge module. */
@Factory
@Requires(classes = EventBridgeClient.class)
public class EventBridgeClientFactory {

    @Singleton
    EventBridgeClient eventBridge(AwsClientSettings settings, SdkHttpClient http) {
        return settings.configure(EventBridgeClient.builder(), settings.endpoints().events()).httpClient(http).build();
    }
}
