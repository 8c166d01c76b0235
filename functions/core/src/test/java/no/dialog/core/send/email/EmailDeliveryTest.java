package no.dialog.core.send.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.send.DeliveryReceipt;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.template.MessageContext;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final String KEY = "demo:E-1:thanks:1";
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final UnsubscribeTokens TOKENS = new UnsubscribeTokens(SECRET);
    private static final Contact KARI = new Contact("M-1", Instant.parse("2026-11-01T00:00:00Z"), "Kari",
            "<b>Nordmann", null, null, "Kari@Example.NO", null, null, null, null, null, null, null, null, null);
    private static final MessageTemplate THANKS = new MessageTemplate("thanks", SendChannel.EMAIL, "nb",
            "Takk, {{ firstName }}!", "<html><body><p>Hei {{ fullName }}</p></body></html>");

    private final List<EmailMessage> sent = new ArrayList<>();
    private final EmailGateway gateway = message -> {
        sent.add(message);
        return "ses-id-1";
    };
    private final EmailDelivery delivery = new EmailDelivery(gateway,
            new UnsubscribeLinks("https://api.dialog.test/", TOKENS), "dialog-email-test");

    private static Tenant tenant(Map<String, String> settings) {
        return new Tenant(DEMO, "Røde Kors", Instant.parse("2026-01-01T00:00:00Z"), settings);
    }

    private static OutgoingMessage outgoing(Tenant tenant, MessageTemplate template, Contact contact) {
        RenderedMessage rendered = new TemplateRenderer().render(template, contact,
                new MessageContext(tenant.name(), null, null, null, LocalDate.of(2026, 11, 23)));
        SendRequest request = new SendRequest("demo", KEY, contact.id(), "E-1", "j", 1, "thanks", "email", null,
                template.id(), "A", Instant.parse("2026-11-23T12:00:00Z"));
        return new OutgoingMessage(tenant, contact, request, template, rendered);
    }

    private static String expectedLink() {
        return "https://api.dialog.test/webhooks/unsubscribe/demo?token=" + TOKENS.issue(DEMO, "M-1", Channel.EMAIL);
    }

    @Test
    void buildsTheMessageFromTheTenantsSettingsAndTheRenderedTemplate() {
        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no",
                "email.replyTo", "svar@rodekors.no")), THANKS, KARI));

        assertThat(message.from()).isEqualTo("post@rodekors.no");
        assertThat(message.fromName()).as("defaults to the organisation's name").isEqualTo("Røde Kors");
        assertThat(message.replyTo()).isEqualTo("svar@rodekors.no");
        assertThat(message.to()).isEqualTo("Kari@example.no");
        assertThat(message.subject()).isEqualTo("Takk, Kari!");
        assertThat(message.html()).startsWith("<html><body><p>Hei Kari &lt;b&gt;Nordmann</p><p ")
                .contains("<a href=\"" + expectedLink() + "\">Meld deg av her</a>").endsWith("</p></body></html>");
        assertThat(message.text()).isEqualTo("Hei Kari <b>Nordmann\n\nMeld deg av: " + expectedLink());
        assertThat(message.configurationSet()).isEqualTo("dialog-email-test");
    }

    @Test
    void carriesTheOneClickUnsubscribeHeaders() {
        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no")), THANKS, KARI));

        assertThat(message.headers()).containsExactly(
                Map.entry("List-Unsubscribe", "<" + expectedLink() + ">"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(TOKENS.verify(expectedLink().substring(expectedLink().indexOf("token=") + 6)))
                .contains(new UnsubscribeTokens.Unsubscribe(DEMO, "M-1", Channel.EMAIL));
    }

    @Test
    void tagsTheMessageWithTheEncodedKeyAndTheTenant() {
        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no")), THANKS, KARI));

        assertThat(message.tags()).containsExactly(Map.entry("dialog-key", "ZGVtbzpFLTE6dGhhbmtzOjE"),
                Map.entry("dialog-tenant", "demo"));
        assertThat(EmailTags.decodeKey(message.tags().get("dialog-key"))).contains(KEY);
        assertThat(message.tags().get("dialog-key")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void usesTheTemplatesOwnLinkInsteadOfAddingAFooterToTheHtml() {
        MessageTemplate withLink = new MessageTemplate("thanks", SendChannel.EMAIL, "en", "Thanks",
                "<p>Hi {{ firstName }}. {{ unsubscribeLink }}</p><p><a href=\"{{ unsubscribeLink }}\">Stop</a></p>");

        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no",
                "email.fromName", "Røde Kors Oslo")), withLink, KARI));

        assertThat(message.html()).isEqualTo("<p>Hi Kari. " + expectedLink() + "</p><p><a href=\"" + expectedLink()
                + "\">Stop</a></p>");
        assertThat(message.text()).as("shows the link already").isEqualTo("Hi Kari. " + expectedLink() + "\nStop");
        assertThat(message.fromName()).isEqualTo("Røde Kors Oslo");
    }

    @Test
    void addsAnEnglishFooterToEachPartThatDoesNotShowTheLink() {
        MessageTemplate hrefOnly = new MessageTemplate("thanks", SendChannel.EMAIL, "en", "Thanks",
                "<p><a href=\"{{ unsubscribeLink }}\">Stop</a></p>");

        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no")), hrefOnly, KARI));

        assertThat(message.html()).isEqualTo("<p><a href=\"" + expectedLink() + "\">Stop</a></p>");
        assertThat(message.text()).isEqualTo("Stop\n\nUnsubscribe: " + expectedLink());
    }

    @Test
    void aTenantWithoutASenderAddressIsAPermanentFailureNamingTheSetting() {
        assertThatThrownBy(() -> delivery.prepare(outgoing(tenant(Map.of()), THANKS, KARI)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("the tenant has no e-mail sender: set the tenant setting email.from");
        assertThatThrownBy(() -> delivery.prepare(outgoing(tenant(Map.of("email.from", "not an address")), THANKS, KARI)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("the tenant setting email.from is not a valid e-mail address");
        Map<String, String> badReplyTo = new HashMap<>(Map.of("email.from", "post@rodekors.no", "email.replyTo", "x@"));
        assertThatThrownBy(() -> delivery.prepare(outgoing(tenant(badReplyTo), THANKS, KARI)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("email.replyTo");
    }

    @Test
    void aTooLongKeyForAnSesTagIsRefusedBeforeAnythingIsRecorded() {
        OutgoingMessage normal = outgoing(tenant(Map.of("email.from", "post@rodekors.no")), THANKS, KARI);
        SendRequest longKey = new SendRequest("demo", "demo:" + "x".repeat(200), "M-1", "E-1", "j", 1, "thanks",
                "email", null, "thanks", "A", Instant.parse("2026-11-23T12:00:00Z"));
        OutgoingMessage tooLong = new OutgoingMessage(normal.tenant(), KARI, longKey, THANKS, normal.rendered());

        assertThatThrownBy(() -> delivery.prepare(tooLong)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("too long for an SES tag");
    }

    @Test
    void deliversThroughTheGatewayAndReportsItsMessageId() {
        EmailMessage message = delivery.prepare(outgoing(tenant(Map.of("email.from", "post@rodekors.no")), THANKS, KARI));

        DeliveryReceipt receipt = delivery.deliver(message);

        assertThat(receipt).isEqualTo(new DeliveryReceipt("ses-id-1", 1));
        assertThat(sent).containsExactly(message);
    }

    @Test
    void aMessageRefusesHeaderInjectionAndBadTags() {
        assertThatThrownBy(() -> new EmailMessage("a@b.no", "Name\r\nBcc: x@y.no", "c@d.no", null, "S", "<p>x</p>",
                "x", Map.of(), null, Map.of())).hasMessage("e-mail fromName must be one line");
        assertThatThrownBy(() -> new EmailMessage("a@b.no", null, "c@d.no", null, "S", "<p>x</p>", "x",
                Map.of(), null, Map.of("dialog-key", "a:b"))).hasMessageContaining("[A-Za-z0-9_.@-]");
        assertThatThrownBy(() -> new EmailMessage("a@b.no", null, "c@d.no", null, "S", "<p>x</p>", "x",
                Map.of("X-Bad", "one\ntwo"), null, Map.of())).hasMessage("e-mail header X-Bad must be one line");
    }
}
