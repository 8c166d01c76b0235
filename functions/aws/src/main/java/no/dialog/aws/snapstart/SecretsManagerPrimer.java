package no.dialog.aws.snapstart;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Warms the Secrets Manager client where the function reads tenants' secrets, nothing sent. */
@Singleton
@Requires(classes = SecretsManagerClient.class)
public class SecretsManagerPrimer implements Primer {

    private final SecretsManagerClient secrets;
    private final SdkCallPriming priming;

    public SecretsManagerPrimer(SecretsManagerClient secrets, SdkCallPriming priming) {
        this.secrets = secrets;
        this.priming = priming;
    }

    @Override
    public void prime() {
        priming.dryRun(secrets, c -> c.getSecretValue(b -> b.secretId("dialog/priming")));
    }
}
