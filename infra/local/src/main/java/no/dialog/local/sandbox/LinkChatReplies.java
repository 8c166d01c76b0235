package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.tenant.TenantId;

/**
 * Local only: plays a person answering a chat message the {@link LinkConversationsSandbox} accepted.
 * {@code POST /local/chat/reply?tenant=demo&messageId=chat-...} with the reply's text as the body
 * (plain text, or JSON {@code {"text":"..."}}) posts what LINK Conversations would post to the message's
 * {@code replyWebhook} ({@code <PUBLIC_BASE_URL>/webhooks/link-chat/<tenant>}, which the local stack points
 * at its own gateway):
 * <pre>{@code
 * {"conversationId":"conv-...","messageId":"chat-...","inReplyTo":"<refId of the message>",
 *  "from":"+4791234567","text":"JA","receivedAt":"2026-11-23T12:00:00Z"}
 * }</pre>
 * with HTTP basic auth {@code link:<password>}, the password being
 * {@link #linkChatWebhookPassword(String, String) HMAC-SHA256(WEBHOOK_SECRET, "link-chat:" + tenant)} in hex,
 * the way the webhooks function derives each route's and tenant's credentials.
 *
 * <p>It answers 200 with what it posted and the webhook's status. A 404 from the webhook (the route is
 * not in template.yaml yet) is reported, not treated as an error; any other non-2xx answer is a 502.
 */
public final class LinkChatReplies implements HttpHandler {

    public static final String WEBHOOK_USER = "link";
    static final int MAX_TEXT = 1_600;

    private final LinkConversationsSandbox sandbox;
    private final String webhookSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LinkChatReplies(LinkConversationsSandbox sandbox, String webhookSecret, Clock clock) {
        this.sandbox = sandbox;
        this.webhookSecret = webhookSecret;
        this.clock = clock;
    }

    /**
     * The basic-auth password LINK Conversations uses for one tenant's webhook: hex HMAC-SHA256(secret,
     * "link-chat:" + tenant); the other routes' passwords differ, so this one is refused there.
     */
    public static String linkChatWebhookPassword(String webhookSecret, String tenant) {
        return WebhookDevSecrets.password(webhookSecret, "link-chat", tenant);
    }

    /** The same with the local stack's secret. */
    public static String linkChatWebhookPassword(String tenant) {
        return linkChatWebhookPassword(LinkConversationsSandbox.LOCAL_WEBHOOK_SECRET, tenant);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(exchange, 405, "use POST");
            return;
        }
        Map<String, List<String>> query = SandboxHttp.query(exchange);
        String tenant = SandboxHttp.first(query, "tenant");
        String messageId = SandboxHttp.first(query, "messageId");
        if (!TenantId.isValid(tenant)) {
            error(exchange, 400, "tenant must be 2-32 lower-case letters, digits or dashes");
            return;
        }
        Optional<LinkConversationsSandbox.Sent> found = messageId == null ? Optional.empty() : sandbox.sent(messageId);
        if (found.isEmpty() || !tenant.equals(found.get().tenant())) {
            error(exchange, 404, "no chat message " + messageId + " of tenant " + tenant + " in the sandbox");
            return;
        }
        String text = text(exchange.getRequestHeaders().getFirst("Content-Type"), SandboxHttp.body(exchange));
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            error(exchange, 400, "the body must be the reply's text (1-" + MAX_TEXT + " characters), plain or"
                    + " {\"text\":\"...\"}");
            return;
        }
        LinkConversationsSandbox.Sent message = found.get();
        ObjectNode reply = SandboxHttp.JSON.createObjectNode();
        reply.put("conversationId", message.conversationId());
        reply.put("messageId", SandboxHttp.newId("chat-"));
        reply.put("inReplyTo", message.refId());
        reply.put("from", message.recipient());
        reply.put("text", text);
        reply.put("receivedAt", clock.instant().toString());

        int status;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(message.replyWebhook()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("Authorization", SandboxHttp.basic(WEBHOOK_USER, linkChatWebhookPassword(webhookSecret, tenant)))
                    .POST(HttpRequest.BodyPublishers.ofString(reply.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
        } catch (IOException e) {
            error(exchange, 502, "the reply webhook could not be reached (" + e.getClass().getSimpleName() + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 502, "interrupted while posting the reply");
            return;
        }
        ObjectNode result = SandboxHttp.JSON.createObjectNode();
        result.set("posted", reply);
        result.put("webhook", message.replyWebhook());
        result.put("webhookStatus", status);
        if (status == 404) {
            result.put("note", "the webhook route does not exist yet; nothing received the reply");
        }
        SandboxHttp.send(exchange, status == 404 || (status >= 200 && status < 300) ? 200 : 502, result);
    }

    private static String text(String contentType, byte[] body) {
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonNode json = SandboxHttp.json(body);
            return json != null && json.path("text").isTextual() ? json.get("text").asText().strip() : null;
        }
        return new String(body, StandardCharsets.UTF_8).strip();
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        SandboxHttp.send(exchange, status, SandboxHttp.JSON.createObjectNode().put("message", message));
    }
}
