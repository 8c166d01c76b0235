package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemorySendLedger;
import no.dialog.core.testing.ReachabilityOnlyRules;
import no.dialog.core.testing.SenderParts;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class ChatDeliveryTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-1:ask:1";

    private final List<ChatMessage> calls = new ArrayList<>();
    private final List<Signal> published = new ArrayList<>();
    private final InMemorySendLedger ledger = new InMemorySendLedger(CLOCK);
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final ChatGateway gateway = message -> {
        calls.add(message);
        return new ChatReceipt("chat-" + calls.size(), "conv-1");
    };

    private OnceSender<ChatMessage> sender(String tenantName, String configuredSender) {
        Map<String, MessageTemplate> templates = new HashMap<>();
        templates.put("ask", new MessageTemplate("ask", SendChannel.CHAT, "nb", null,
                "Hei {{ firstName }}! Er du fortsatt student? Svar JA eller NEI. " + "x".repeat(120)));
        return new OnceSender<>(SenderParts.tenants(new Tenant(DEMO, tenantName, CLOCK.instant())), contacts,
                SenderParts.templates(DEMO, templates), new TemplateRenderer(), ledger, new ReachabilityOnlyRules(),
                new ChatDelivery(gateway, configuredSender, "https://api.dialog.example/"), SenderParts.noFallbacks(),
                (tenant, responses) -> published.addAll(responses), CLOCK);
    }

    private static SendRequest request() {
        return new SendRequest("demo", KEY, "K-1", "E-1", "student", 1, "ask", "chat", null, "ask", "A",
                CLOCK.instant());
    }

    private static Contact contact(String phone) {
        return new Contact("K-1", Instant.parse("2026-11-01T00:00:00Z"), "Kari", "Nordmann", null, phone, null, null,
                null, null, null, null, null, null, null, null);
    }

    @Test
    void sendsOnceWithTheOrganisationsSenderTheReplyWebhookAndTheKeyAsRefIdAndCountsSmsParts() {
        contacts.upsert(DEMO, contact("+4791234567"));
        OnceSender<ChatMessage> sender = sender("Demo Organisation", null);

        assertThat(sender.send(request()).outcome()).isEqualTo(SendOutcome.SENT);
        assertThat(sender.send(request()).outcome()).isEqualTo(SendOutcome.ALREADY_SETTLED);

        assertThat(calls).singleElement().satisfies(message -> {
            assertThat(message.sender()).isEqualTo("DemoOrganis");
            assertThat(message.recipient()).isEqualTo("+4791234567");
            assertThat(message.text()).startsWith("Hei Kari! Er du fortsatt student?");
            assertThat(message.refId()).isEqualTo(KEY);
            assertThat(message.replyWebhook()).isEqualTo("https://api.dialog.example/webhooks/link-chat/demo");
        });
        LedgerEntry entry = ledger.find(KEY).orElseThrow();
        assertThat(entry.providerMessageId()).isEqualTo("chat-1");
        assertThat(entry.parts()).as("over 160 GSM characters: two parts").isEqualTo(2);
        assertThat(published).as("chat delivery is reported by the provider, not at once").isEmpty();
    }

    @Test
    void aConfiguredNumberSenderWinsAndANameWithoutAValidSenderNeedsOne() {
        contacts.upsert(DEMO, contact("+4791234567"));
        sender("Demo Organisation", "+4759440000").send(request());
        assertThat(calls.get(0).sender()).isEqualTo("+4759440000");

        assertThatThrownBy(() -> sender("123", null).send(new SendRequest("demo", "demo:E-2:ask:1", "K-1", "E-2",
                "student", 1, "ask", "chat", null, "ask", "A", CLOCK.instant())))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("LINK_CHAT_SENDER");
        assertThat(ledger.find("demo:E-2:ask:1")).as("nothing recorded before the message could be built").isEmpty();
    }

    @Test
    void aContactWithoutAMobileIsNotSendable() {
        contacts.upsert(DEMO, contact(null));

        assertThat(sender("Demo Organisation", null).send(request()).outcome()).isEqualTo(SendOutcome.NOT_SENDABLE);
        assertThat(calls).isEmpty();
        assertThat(published).singleElement().satisfies(s -> assertThat(s.type()).isEqualTo("failed"));
    }

    @Test
    void badSettingsAndMessagesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new ChatDelivery(gateway, "9 Lives", "https://x"))
                .hasMessageContaining("configured chat sender");
        assertThatThrownBy(() -> new ChatDelivery(gateway, null, "ftp://x")).hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> new ChatMessage("Demo", "91234567", "x", KEY, "https://x"))
                .hasMessageContaining("recipient");
        assertThatThrownBy(() -> new ChatMessage("Demo", "+4791234567", " ", KEY, "https://x"))
                .hasMessageContaining("text");
        assertThat(ChatMessage.isValidSender("2270")).as("a short number").isTrue();
        assertThat(ChatMessage.isValidSender("DemoOrganisation")).as("12 letters").isFalse();
    }
}
