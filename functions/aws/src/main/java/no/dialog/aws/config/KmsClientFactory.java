package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The KMS client (tenants' data keys), in the functions whose module brings the SDK module. */
@Factory
@Requires(classes = KmsClient.class)
public class KmsClientFactory {

    @Singleton
    KmsClient kms(AwsClientSettings settings, SdkHttpClient http) {
        return settings.configure(KmsClient.builder(), settings.endpoints().kms()).httpClient(http).build();
    }
}
