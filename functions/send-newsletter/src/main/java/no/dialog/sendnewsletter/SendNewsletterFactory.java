package no.dialog.sendnewsletter;

import no.dialog.core.enrolment.ResultCounts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.send.NewsletterAccount;
import no.dialog.core.send.NewsletterDelivery;
import no.dialog.core.send.NewsletterGateway;
import no.dialog.core.send.NewsletterSubscription;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendRules;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import java.util.Optional;
import no.dialog.core.tenant.ProviderCredentials;
import java.util.function.Supplier;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.providers.make.MakeNewsletterGateway;
import no.dialog.providers.make.MakeSettings;

/**
 * Wires core's {@link OnceSender} with {@link NewsletterDelivery} to the DynamoDB adapters and Make. From the
 * environment: {@code MAKE_BASE_URL} (default Make's subscribers API), {@code MAKE_CONSENT_FIELD} (default {@code SAMTYKKEEPOST}), and
 * optionally {@code MAKE_USER_ID} and {@code MAKE_API_KEY_SECRET_ARN} (its API key in Secrets Manager), the account
 * for tenants without their own.
 */
@Factory
public class SendNewsletterFactory {

    @Singleton
    MakeSettings makeSettings(@Value("${make.base.url:}") String baseUrl,
            @Value("${make.consent.field:}") String consentField) {
        return MakeSettings.of(baseUrl, consentField);
    }

    @Singleton
    NewsletterGateway newsletterGateway(MakeSettings settings) {
        return new MakeNewsletterGateway(settings);
    }

    @Singleton
    OnceSender<NewsletterSubscription> newsletterSender(TenantDirectory tenants, ContactStore contacts,
            TemplateStore templates, SendLedger ledger, SendRules rules, NewsletterGateway gateway, SqsSendQueues queues,
            ResponsePublisher responses, Clock clock, @Value("${make.user.id:}") String userId,
            @Value("${make.api.key.secret.arn:}") String apiKeyArn, Optional<SecretValues> secrets,
            ProviderCredentials credentials, ResultCounts results) {
        // The deployment's account: its user id from MAKE_USER_ID, its API key from the secret, read again after
        // the secrets' TTL.
        Supplier<NewsletterAccount> defaultAccount = userId.isBlank() || apiKeyArn.isBlank() || secrets.isEmpty()
                ? () -> null
                : secrets.get().derived(apiKeyArn, apiKey -> new NewsletterAccount(userId, apiKey, null));
        return new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger,
                rules, new NewsletterDelivery(gateway, defaultAccount, credentials), queues, responses,
                clock).withResults(results);
    }
}
