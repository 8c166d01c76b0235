package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The Secrets Manager client (tenants' Vipps keys), in the functions whose module brings the SDK module. */
@Factory
@Requires(classes = SecretsManagerClient.class)
public class SecretsManagerClientFactory {

    @Singleton
    SecretsManagerClient secretsManager(AwsClientSettings settings, SdkHttpClient http) {
        return settings.configure(SecretsManagerClient.builder(), settings.endpoints().secretsmanager())
                .httpClient(http).build();
    }
}
