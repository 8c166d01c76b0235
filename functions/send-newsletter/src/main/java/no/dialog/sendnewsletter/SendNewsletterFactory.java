package no.dialog.sendnewsletter;

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
import no.dialog.providers.make.MakeNewsletterGateway;
import no.dialog.providers.make.MakeSettings;

/**
 * Wires core's {@link OnceSender} with {@link NewsletterDelivery} to the DynamoDB adapters and Make. From the
 * environment: {@code MAKE_BASE_URL} (default Make's subscribers API), {@code MAKE_CONSENT_FIELD} (default {@code SAMTYKKEEPOST}), and
 * optionally {@code MAKE_USER_ID} and {@code MAKE_API_KEY}, the account for tenants without their own
 * ({@code make.userId}/{@code make.apiKey} in the tenant's settings).
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
            @Value("${make.api.key:}") String apiKey) {
        boolean user = !userId.isBlank();
        if (user != !apiKey.isBlank()) {
            throw new IllegalArgumentException("MAKE_USER_ID and MAKE_API_KEY must be set together");
        }
        NewsletterAccount defaultAccount = user ? new NewsletterAccount(userId, apiKey, null) : null;
        return new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger,
                rules, new NewsletterDelivery(gateway, defaultAccount), queues, responses,
                clock);
    }
}
