package no.dialog.webhooks;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.optout.ConsentEvents;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.send.UnsubscribeTokens;

/**
 * Wires the webhooks: secrets from the environment ({@code WEBHOOK_SECRET} for provider passwords,
 * {@code UNSUBSCRIBE_SECRET} for unsubscribe tokens, the same value the e-mail sender signs with; both
 * at least 32 bytes), opt-outs on the contact store and the bus.
 */
@Factory
public class WebhooksFactory {

    @Singleton
    WebhookPasswords webhookPasswords(@Value("${webhook.secret}") String secret) {
        return new WebhookPasswords(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    UnsubscribeTokens unsubscribeTokens(@Value("${unsubscribe.secret}") String secret) {
        return new UnsubscribeTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    OptOuts optOuts(ContactStore contacts, ConsentEvents events) {
        return new OptOuts(contacts, events);
    }
}
