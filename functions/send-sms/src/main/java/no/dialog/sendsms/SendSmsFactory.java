package no.dialog.sendsms;

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
import no.dialog.core.send.ResponsePublisher;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SmsDelivery;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.providers.link.LinkSettings;
import no.dialog.providers.link.LinkSmsGateway;

/**
 * Wires core's {@link OnceSender} with {@link SmsDelivery} to the DynamoDB adapters and LINK Mobility. LINK's settings come from
 * the function's environment ({@code LINK_BASE_URL}, {@code LINK_USERNAME}, {@code LINK_PASSWORD},
 * {@code LINK_PLATFORM_ID}, {@code LINK_PLATFORM_PARTNER_ID}, {@code LINK_GATE}; {@code LINK_SENDER}
 * optionally fixes the sender for every tenant, otherwise each tenant's name gives it).
 */
@Factory
public class SendSmsFactory {

    @Singleton
    LinkSettings linkSettings(@Value("${link.base.url}") String baseUrl, @Value("${link.username}") String username,
            @Value("${link.password}") String password, @Value("${link.platform.id}") String platformId,
            @Value("${link.platform.partner.id}") String platformPartnerId, @Value("${link.gate:}") String gate) {
        return LinkSettings.of(baseUrl, username, password, platformId, platformPartnerId, gate);
    }

    @Singleton
    SmsGateway smsGateway(LinkSettings settings) {
        return new LinkSmsGateway(settings);
    }

    @Singleton
    OnceSender<SmsMessage> smsSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
            SendLedger ledger, SendRules rules, SmsGateway gateway, SqsSendQueues queues, ResponsePublisher responses,
            Clock clock, @Value("${link.sender:}") String configuredSender, PersonalLinks links) {
        return new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger, rules,
                new SmsDelivery(gateway, configuredSender), queues, responses, clock, links);
    }
}
