package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.aws.secrets.SecretsManagerProviderCredentials;
import no.dialog.core.tenant.ProviderCredentials;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link SecretValues} in the functions whose module brings the Secrets Manager SDK: values are read again after
 * {@code SECRETS_TTL} (an ISO-8601 or Micronaut duration, default 5 minutes), the time a new secret value takes to
 * reach every running instance (docs/deploy.md, "Secrets").
 */
@Factory
@Requires(classes = SecretsManagerClient.class)
public class SecretValuesFactory {

    /**
     * The tenants' own provider credentials where the function is given their secrets' prefix
     * ({@code TENANT_SECRETS_PREFIX}, {@code dialog/<stage>/tenants/}); elsewhere none ({@link NoProviderCredentialsFactory}).
     */
    @Singleton
    @Requires(property = "tenant.secrets.prefix", pattern = ".+")
    ProviderCredentials providerCredentials(SecretsManagerClient client,
            @Value("${tenant.secrets.prefix}") String prefix, java.time.Clock clock,
            @Value("${secrets.ttl:5m}") Duration ttl) {
        return new SecretsManagerProviderCredentials(client, prefix, clock, ttl, System::nanoTime);
    }

    @Singleton
    SecretValues secretValues(SecretsManagerClient client, @Value("${secrets.ttl:5m}") Duration ttl) {
        return new SecretValues(client, ttl, System::nanoTime);
    }
}
