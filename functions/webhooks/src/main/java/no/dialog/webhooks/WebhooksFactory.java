package no.dialog.webhooks;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.aws.secrets.SecretKeys;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.optout.ConsentEvents;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.send.UnsubscribeTokens;

/**
 * Wires the webhooks: keys from Secrets Manager, named by ARN in the environment
 * ({@code WEBHOOK_KEY_SECRET_ARN} for provider passwords, {@code UNSUBSCRIBE_KEY_SECRET_ARN} for unsubscribe tokens,
 * the same key the e-mail sender signs with; both at least 32 bytes, read through {@link SecretValues}), opt-outs
 * on the contact store and the bus.
 */
@Factory
public class WebhooksFactory {

    @Singleton
    @Requires(property = "webhook.key.secret.arn", pattern = ".+")
    WebhookPasswords webhookPasswords(SecretValues secrets, @Value("${webhook.key.secret.arn}") String arn) {
        return new WebhookPasswords(secrets.derived(arn, value -> SecretKeys.bytes(value, 32)));
    }

    @Singleton
    @Requires(property = "unsubscribe.key.secret.arn", pattern = ".+")
    UnsubscribeTokens unsubscribeTokens(SecretValues secrets, @Value("${unsubscribe.key.secret.arn}") String arn) {
        return new UnsubscribeTokens(secrets.derived(arn, value -> SecretKeys.bytes(value, 32)));
    }

    @Singleton
    OptOuts optOuts(ContactStore contacts, ConsentEvents events) {
        return new OptOuts(contacts, events);
    }
}
