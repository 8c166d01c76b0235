package no.dialog.sendchat;

import no.dialog.core.enrolment.ResultCounts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.send.ChatDelivery;
import no.dialog.core.send.ChatGateway;
import no.dialog.core.send.ChatMessage;
import no.dialog.core.landing.PersonalLinks;
import no.dialog.core.send.OnceSender;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendRules;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import java.util.function.Supplier;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.providers.link.LinkConversationsGateway;
import no.dialog.providers.link.LinkConversationsSettings;

/**
 * Wires core's {@link OnceSender} with {@link ChatDelivery} to the DynamoDB adapters and LINK
 * Conversations. From the environment: {@code LINK_CHAT_BASE_URL}, {@code LINK_CHAT_USERNAME},
 * {@code LINK_CHAT_PASSWORD_SECRET_ARN} (the password in Secrets Manager); {@code LINK_CHAT_SENDER} optionally fixes the sender for every tenant (an
 * alphanumeric sender or a number); {@code PUBLIC_BASE_URL} is where LINK posts replies
 * ({@code /webhooks/link-chat/<tenant>} under it).
 */
@Factory
public class SendChatFactory {

    /** A gateway with the current password: made again when the password secret gets a new value. */
    @Singleton
    ChatGateway chatGateway(SecretValues secrets, @Value("${link.chat.base.url}") String baseUrl,
            @Value("${link.chat.username}") String username,
            @Value("${link.chat.password.secret.arn}") String passwordArn) {
        Supplier<ChatGateway> current = secrets.derived(passwordArn,
                password -> new LinkConversationsGateway(LinkConversationsSettings.of(baseUrl, username, password)));
        return message -> current.get().send(message);
    }

    @Singleton
    OnceSender<ChatMessage> chatSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
            SendLedger ledger, SendRules rules, ChatGateway gateway, SqsSendQueues queues, ResponsePublisher responses,
            Clock clock, @Value("${link.chat.sender:}") String configuredSender,
            @Value("${public.base.url}") String publicBaseUrl, PersonalLinks personalLinks, ResultCounts results) {
        return new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger, rules,
                new ChatDelivery(gateway, configuredSender, publicBaseUrl), queues, responses, clock, personalLinks)
                .withResults(results);
    }
}
