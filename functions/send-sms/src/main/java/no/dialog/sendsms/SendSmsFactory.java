package no.dialog.sendsms;

import no.dialog.core.enrolment.ResultCounts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.landing.PersonalLinks;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SmsGateway;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.send.OnceSender;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SmsDelivery;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.RateLimitedSmsGateway;
import no.dialog.core.send.TokenBucket;
import no.dialog.core.template.RememberedTemplates;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.providers.link.LinkSettings;
import no.dialog.providers.link.LinkSmsGateway;
import jakarta.inject.Named;
import java.util.function.Supplier;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.core.tenant.ProviderCredentials;

/**
 * Wires core's {@link OnceSender} with {@link SmsDelivery} to the DynamoDB adapters and LINK Mobility. LINK's settings come from
 * the function's environment ({@code LINK_BASE_URL}, {@code LINK_USERNAME}, {@code LINK_PASSWORD_SECRET_ARN},
 * {@code LINK_PLATFORM_ID}, {@code LINK_PLATFORM_PARTNER_ID}, {@code LINK_GATE}; {@code LINK_SENDER}
 * optionally fixes the sender for every tenant, otherwise each tenant's name gives it).
 *
 * <p>An organisation with its own LINK account (credentials set through {@code PUT /admin/v1/providers/link}, read
 * from the secrets under {@code TENANT_SECRETS_PREFIX}) sends through it, others through the deployment's
 * ({@code LINK_USERNAME}, the password secret {@code LINK_PASSWORD_SECRET_ARN}).
 *
 * <p>The LINK account's rate: {@code LINK_MAX_PER_SECOND} messages a second (default 50; 0 turns the limit
 * off) shared by at most {@code SEND_SMS_MAX_CONCURRENCY} instances (the event source's
 * {@code ScalingConfig.MaximumConcurrency}, default 2), so each instance keeps to the quotient (ADR 0012); the limit
 * counts an instance's messages on every account together.
 */
@Factory
public class SendSmsFactory {

    /**
     * The deployment's LINK account with the password's current value: {@code LINK_PASSWORD_SECRET_ARN} names the
     * secret, read through {@link SecretValues}; a new value makes a new gateway.
     */
    @Singleton
    @Named("deployment")
    Supplier<LinkSettings> linkSettings(SecretValues secrets, @Value("${link.base.url}") String baseUrl,
            @Value("${link.username}") String username, @Value("${link.password.secret.arn}") String passwordArn,
            @Value("${link.platform.id}") String platformId,
            @Value("${link.platform.partner.id}") String platformPartnerId, @Value("${link.gate:}") String gate) {
        return secrets.derived(passwordArn,
                password -> LinkSettings.of(baseUrl, username, password, platformId, platformPartnerId, gate));
    }

    /**
     * A batch's per-message work before the provider (render; the ledger reads and writes of requests that
     * end there: refused, not sendable, redelivered) runs 16 at a time, so their round trips overlap. The
     * intents and outcomes are batched anyway (one writeAll each, ADR 0012). Daemon threads, one pool per
     * instance.
     */
    private static final java.util.concurrent.ExecutorService LEDGER_WRITES =
            java.util.concurrent.Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "send-sms-ledger");
                thread.setDaemon(true);
                return thread;
            });

    /** How long an edited template may take to reach the SMS sends (ADR 0012). */
    static final java.time.Duration TEMPLATES_REMEMBERED = java.time.Duration.ofSeconds(30);

    /** How long a batch may wait for the account's rate before it goes back to the queue instead. */
    static final java.time.Duration MAX_RATE_WAIT = java.time.Duration.ofSeconds(20);

    @Singleton
    SmsGateway smsGateway(@Named("deployment") Supplier<LinkSettings> settings,
            @Value("${link.max.per.second:50}") double maxPerSecond,
            @Value("${send.sms.max.concurrency:2}") int maxConcurrency, ProviderCredentials credentials) {
        LinkSmsGatewayOf gateways = new LinkSmsGatewayOf();
        SmsGateway deployment = new CurrentSmsGateway(() -> gateways.of(settings.get()));
        // An organisation with its own LINK account (PUT /admin/v1/providers/link) sends through it.
        SmsGateway link = new TenantSmsGateways(deployment, credentials, fields -> new LinkSmsGateway(
                settings.get().withAccount(fields.get("username"), fields.get("password"), fields.get("platformId"),
                        fields.get("platformPartnerId"))));
        if (maxPerSecond <= 0) {
            return link;
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("SEND_SMS_MAX_CONCURRENCY must be at least 1, was " + maxConcurrency);
        }
        return new RateLimitedSmsGateway(link, TokenBucket.perSecond(maxPerSecond / maxConcurrency), MAX_RATE_WAIT);
    }

    @Singleton
    OnceSender<SmsMessage> smsSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
            SendLedger ledger, SendRules rules, SmsGateway gateway, SqsSendQueues queues, ResponsePublisher responses,
            Clock clock, @Value("${link.sender:}") String configuredSender, PersonalLinks links, ResultCounts results) {
        // A campaign's batches all read the same template: remembered, it is one read per half minute, not per batch.
        return new OnceSender<>(tenants, contacts, new RememberedTemplates(templates, TEMPLATES_REMEMBERED, clock),
                new TemplateRenderer(), ledger, rules,
                new SmsDelivery(gateway, configuredSender), queues, responses, clock, links).withLedgerWrites(LEDGER_WRITES)
                .withResults(results);
    }

    /** One gateway (and its HTTP client) per settings value: a new one only when the password changes. */
    static final class LinkSmsGatewayOf {
        private LinkSettings settings;
        private SmsGateway gateway;

        synchronized SmsGateway of(LinkSettings current) {
            if (current != settings) {
                gateway = new LinkSmsGateway(current);
                settings = current;
            }
            return gateway;
        }
    }
}
