package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import no.dialog.core.tenant.ProviderCredentials;

/** Where a function has no tenant credential store ({@code TENANT_SECRETS_PREFIX} unset), every tenant has none. */
@Factory
public class NoProviderCredentialsFactory {

    @Singleton
    @Secondary
    ProviderCredentials noCredentials() {
        return ProviderCredentials.NONE;
    }
}
