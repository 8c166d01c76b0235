package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito user pool client (first admins of new organisations), in the functions whose module brings the
 * SDK module and that have a staff user pool. {@code aws.endpoint-override.cognito} (environment:
 * {@code AWS_ENDPOINT_OVERRIDE_COGNITO}) points it elsewhere, which only tests do (a stub speaking Cognito's
 * protocol); otherwise it is AWS's endpoint.
 */
@Factory
@Requires(classes = CognitoIdentityProviderClient.class)
@Requires(property = "staff.user-pool-id", pattern = ".+")
public class CognitoClientFactory {

    @Singleton
    CognitoIdentityProviderClient cognito(AwsClientSettings settings, SdkHttpClient http,
                                          @Nullable @Value("${aws.endpoint-override.cognito:}") String endpoint) {
        Optional<URI> override = endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint));
        return settings.configure(CognitoIdentityProviderClient.builder(), override).httpClient(http).build();
    }
}
