package no.dialog.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.dialog.core.contact.Consent;
import no.dialog.core.send.ChatMessage;
import no.dialog.core.send.ChatReceipt;
import no.dialog.core.send.ListSync;
import no.dialog.core.send.ListSyncResult;
import no.dialog.core.send.NewsletterAccount;
import no.dialog.core.send.NewsletterSubscription;
import no.dialog.core.send.ProviderRejected;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.providers.link.LinkConversationsGateway;
import no.dialog.providers.link.LinkConversationsSettings;
import no.dialog.providers.make.MakeNewsletterGateway;
import no.dialog.providers.make.MakeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LINK Conversations and Make sandboxes on a real local gateway, called by the real provider clients
 * and with the contract's payloads; the reply simulator posting to a webhook that records what it got.
 */
class ChatAndNewsletterSandboxesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Outbox OUTBOX = new Outbox();
    private static final List<String[]> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();
    private static LocalHttpGateway gateway;
    private static LinkConversationsGateway link;
    private static MakeNewsletterGateway make;

    @BeforeAll
    static void start() {
        LocalClock clock = LocalClock.fixedAt(Instant.parse("2026-11-23T12:00:00Z"));
        gateway = LocalHttpGateway.builder().port(0).clock(clock).build().start();
        LinkConversationsSandbox chat = new LinkConversationsSandbox(OUTBOX, clock);
        gateway.mount(LinkConversationsSandbox.MOUNT, chat);
        gateway.mount("/local/chat/reply", new LinkChatReplies(chat, "test-secret", clock));
        gateway.mount(MakeSandbox.MOUNT, new MakeSandbox(OUTBOX, clock));
        // Stands in for the webhooks function's route, for tenant demo only.
        gateway.mount("/webhooks/link-chat/demo", exchange -> {
            WEBHOOK_CALLS.add(new String[] {exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(202, -1);
        });
        link = new LinkConversationsGateway(LinkConversationsSettings.of(
                LinkConversationsSandbox.templateParameters(gateway.baseUri()).get("LinkChatBaseUrl"),
                LinkConversationsSandbox.USERNAME, LinkConversationsSandbox.PASSWORD));
        make = new MakeNewsletterGateway(MakeSettings.of(MakeSandbox.templateParameters(gateway.baseUri())
                .get("MakeBaseUrl"), null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static ChatMessage chat(String refId, String tenant) {
        return new ChatMessage("DemoOrganis", "+4791234567", "Er du fortsatt student? Svar JA eller NEI.", refId,
                gateway.baseUri().resolve("/webhooks/link-chat/" + tenant).toString());
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode payload(String folder, String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return (ObjectNode) JSON.readTree(dir.resolve("events").resolve(folder).resolve(name).toFile());
    }

    @Test
    void theChatSandboxTakesTheRealClientsMessageShowsItAndContinuesTheConversation() {
        ChatReceipt first = link.send(chat("demo:E-C1:ask:1", "demo"));
        ChatReceipt second = link.send(chat("demo:E-C1:ask:2", "demo"));

        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(second.providerMessageId()).isNotEqualTo(first.providerMessageId());
        OutboxMessage shown = OUTBOX.newest("demo", "chat", 10).stream()
                .filter(m -> m.idempotencyKey().equals("demo:E-C1:ask:1")).findFirst().orElseThrow();
        assertThat(shown.providerMessageId()).isEqualTo(first.providerMessageId());
        assertThat(shown.recipient()).isEqualTo("+4791234567");
        assertThat(shown.parts()).isEqualTo(1);
    }

    @Test
    void theChatSandboxRefusesWhatTheContractRefuses() throws Exception {
        String auth = SandboxHttp.basic(LinkConversationsSandbox.USERNAME, LinkConversationsSandbox.PASSWORD);
        String path = LinkConversationsSandbox.MOUNT + "/conversations/v1/messages";
        ObjectNode good = payload("send-chat", "link-chat-message-request.json");
        assertThat(post(path, "application/json", good.toString(), auth).statusCode()).isEqualTo(202);

        assertThat(post(path, "application/json", good.toString(), "Basic eDp5").statusCode()).isEqualTo(401);
        HttpResponse<String> wrongChannel = post(path, "application/json", good.deepCopy().put("channel", "whatsapp")
                .toString(), auth);
        assertThat(wrongChannel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongChannel.body()).get("description").asText()).isEqualTo("channel must be sms-chat");
        assertThat(JSON.readTree(post(path, "application/json", good.deepCopy().put("recipient", "91234567").toString(),
                auth).body()).get("description").asText()).startsWith("recipient");
        assertThat(JSON.readTree(post(path, "application/json", good.deepCopy().put("extra", 1).toString(), auth)
                .body()).get("description").asText()).isEqualTo("extra: unknown field");
        assertThat(JSON.readTree(post(path, "application/json", good.deepCopy().put("replyWebhook", "/relative")
                .toString(), auth).body()).get("description").asText()).startsWith("replyWebhook");
    }

    @Test
    void aSimulatedReplyReachesTheWebhookSignedForTheTenantWithTheOutboundRefId() throws Exception {
        ChatReceipt sent = link.send(chat("demo:E-C2:ask:1", "demo"));
        WEBHOOK_CALLS.clear();

        HttpResponse<String> reply = post("/local/chat/reply?tenant=demo&messageId=" + sent.providerMessageId(),
                "text/plain", " JA ", null);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("webhookStatus").asInt()).isEqualTo(202);
        assertThat(WEBHOOK_CALLS).hasSize(1);
        assertThat(WEBHOOK_CALLS.get(0)[0]).isEqualTo(SandboxHttp.basic("link",
                LinkChatReplies.linkChatWebhookPassword("test-secret", "demo")));
        JsonNode posted = JSON.readTree(WEBHOOK_CALLS.get(0)[1]);
        assertThat(posted.get("inReplyTo").asText()).isEqualTo("demo:E-C2:ask:1");
        assertThat(posted.get("conversationId").asText()).isEqualTo(sent.conversationId());
        assertThat(posted.get("from").asText()).isEqualTo("+4791234567");
        assertThat(posted.get("text").asText()).isEqualTo("JA");
        assertThat(posted.get("receivedAt").asText()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(posted.get("messageId").asText()).isNotEqualTo(sent.providerMessageId());
        assertThat(fieldNames(posted)).containsExactlyInAnyOrderElementsOf(fieldNames(payload("send-chat",
                "link-chat-reply.json")));
    }

    @Test
    void aReplyForAMissingWebhookRouteIsToleratedAndUnknownMessagesAreNotFound() throws Exception {
        ChatReceipt sent = link.send(chat("other:E-C3:ask:1", "other"));

        HttpResponse<String> reply = post("/local/chat/reply?tenant=other&messageId=" + sent.providerMessageId(),
                "application/json", "{\"text\":\"NEI\"}", null);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("webhookStatus").asInt()).isEqualTo(404);

        assertThat(post("/local/chat/reply?tenant=demo&messageId=" + sent.providerMessageId(), "text/plain", "JA", null)
                .statusCode()).as("another tenant's message").isEqualTo(404);
        assertThat(post("/local/chat/reply?tenant=other&messageId=" + sent.providerMessageId(), "text/plain", " ", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theWebhookPasswordIsTheHexHmacOfTheRouteAndTenant() {
        // printf %s link-chat:demo | openssl dgst -sha256 -hmac key
        assertThat(LinkChatReplies.linkChatWebhookPassword("key", "demo"))
                .isEqualTo("ffa5f443a5820979ee1213a6e7aabe4df7270062f5134eb1229af054d6d5ef0c");
        assertThat(LinkChatReplies.linkChatWebhookPassword("demo"))
                .isEqualTo(LinkChatReplies.linkChatWebhookPassword(LinkConversationsSandbox.LOCAL_WEBHOOK_SECRET, "demo"));
    }

    @Test
    void theMakeSandboxAddsUpdatesAndKnowsWhoIsOnTheListForTheRealClient() {
        NewsletterSubscription kari = subscription("1466", "kari.sandbox@example.no");

        assertThat(make.subscribe(kari).sync()).isEqualTo(ListSync.ADDED);
        ListSyncResult again = make.subscribe(kari);
        assertThat(again.sync()).isEqualTo(ListSync.ALREADY_SUBSCRIBED);
        assertThat(make.subscribe(subscription("1468", "kari.sandbox@example.no")))
                .isEqualTo(new ListSyncResult(again.subscriberId(), ListSync.UPDATED));

        OutboxMessage shown = OUTBOX.newest(null, "newsletter", 10).stream()
                .filter(m -> m.recipient().equals("kari.sandbox@example.no")).findFirst().orElseThrow();
        assertThat(shown.sender()).isEqualTo("Make list 1468 (Medlemsnytt)");
        assertThat(shown.text()).startsWith("updated: Kari Nordmann, external_id K-9")
                .contains("consent granted 2026-10-01T09:00:00Z (landing page)");
    }

    @Test
    void theMakeSandboxRefusesUnknownListsMissingConsentAndWrongCredentials() throws Exception {
        assertThatThrownBy(() -> make.subscribe(subscription("999", "ola.sandbox@example.no")))
                .isInstanceOf(ProviderRejected.class).hasMessageContaining("list 999 not found");

        String auth = SandboxHttp.basic(MakeSandbox.USER_ID, MakeSandbox.API_KEY);
        String path = MakeSandbox.MOUNT + "/subscribers?subscriber_list_id%5B%5D=1466";
        ObjectNode request = payload("send-newsletter", "make-subscribe-request.json");
        request.remove("SAMTYKKEEPOST");
        HttpResponse<String> noConsent = post(path, "application/json", request.toString(), auth);
        assertThat(noConsent.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noConsent.body()).get("message").asText()).isEqualTo("SAMTYKKEEPOST (consent) is required");
        assertThat(post(path, "application/json", payload("send-newsletter", "make-subscribe-request.json").toString(),
                "Basic eDp5").statusCode()).isEqualTo(401);
    }

    private static NewsletterSubscription subscription(String listId, String email) {
        return new NewsletterSubscription(new NewsletterAccount(MakeSandbox.USER_ID, MakeSandbox.API_KEY, null), listId,
                email, "Kari", "Nordmann", "K-9", new Consent(true, "landing page",
                Instant.parse("2026-10-01T09:00:00Z")), "demo:E-N1:join:1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
