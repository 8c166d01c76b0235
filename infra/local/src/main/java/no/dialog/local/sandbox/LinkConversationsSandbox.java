package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import no.dialog.core.template.SmsParts;

/**
 * LINK Conversations as docs/providers/link-conversations.md models it, as a sandbox twin mounted on the
 * local gateway at {@code /sandbox/link-chat}: {@code POST /sandbox/link-chat/conversations/v1/messages}.
 * It validates the request as the contract says, answers 202 {@code {"messageId","conversationId"}},
 * puts the message in the {@link Outbox} (channel {@code chat}) and remembers it, so that
 * {@link LinkChatReplies} can play a person answering it.
 *
 * <ul>
 *   <li>Basic auth with {@link #USERNAME}/{@link #PASSWORD}; else 401 {@code {"error":"UNAUTHORIZED"}}.</li>
 *   <li>400 {@code {"error":"INVALID_REQUEST","description":"..."}} naming the field when: a field is
 *       unknown or missing; {@code channel} is not {@code sms-chat}; {@code sender} is neither 2–11
 *       letters and digits starting with a letter nor a number; {@code recipient} is not E.164;
 *       {@code text} is empty or over 1,600 characters; {@code refId} is empty or over 200 characters;
 *       {@code replyWebhook} is not an absolute http(s) URL.</li>
 *   <li>One conversation per sender and recipient: a second message to the same person continues it.</li>
 * </ul>
 */
public final class LinkConversationsSandbox implements HttpHandler {

    public static final String MOUNT = "/sandbox/link-chat";
    public static final String USERNAME = "dialog-local";
    public static final String PASSWORD = "link-chat-sandbox";
    /** The webhook secret the local stack gives the webhooks function (in the local Secrets Manager endpoint as {@code WebhookKeySecret}). */
    public static final String LOCAL_WEBHOOK_SECRET = WebhookDevSecrets.WEBHOOK_SECRET;
    static final int MAX_TEXT = 1_600;
    static final int REMEMBERED = 10_000;

    private static final Set<String> FIELDS = Set.of("channel", "sender", "recipient", "text", "refId", "replyWebhook");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,10}");
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{1,14}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** A message the sandbox accepted, as a reply needs it. */
    record Sent(String tenant, String refId, String sender, String recipient, String conversationId,
                String replyWebhook) {}

    private final Outbox outbox;
    private final Clock clock;
    private final String expectedAuthorization = SandboxHttp.basic(USERNAME, PASSWORD);
    private final Map<String, String> conversations = new ConcurrentHashMap<>();
    private final Map<String, Sent> sent = new LinkedHashMap<>();

    public LinkConversationsSandbox(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The template parameters that point the chat sender at this sandbox on a gateway at {@code gatewayBase}. */
    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("LinkChatBaseUrl", gatewayBase.resolve(MOUNT).toString());
        parameters.put("LinkChatUsername", USERNAME);
        String base = gatewayBase.toString();
        parameters.put("PublicBaseUrl", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        return parameters;
    }

    /** A message the sandbox accepted, by its {@code messageId}. */
    synchronized Optional<Sent> sent(String messageId) {
        return Optional.ofNullable(sent.get(messageId));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        if (!path.equals("/conversations/v1/messages")) {
            error(exchange, 404, "NOT_FOUND", "no such endpoint: use POST /conversations/v1/messages");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            error(exchange, 405, "METHOD_NOT_ALLOWED", "use POST");
            return;
        }
        if (!SandboxHttp.authorized(exchange, expectedAuthorization)) {
            error(exchange, 401, "UNAUTHORIZED", "Invalid username or password");
            return;
        }
        JsonNode body = SandboxHttp.json(SandboxHttp.body(exchange));
        String problem = problem(body);
        if (problem != null) {
            error(exchange, 400, "INVALID_REQUEST", problem);
            return;
        }
        String sender = body.get("sender").asText();
        String recipient = body.get("recipient").asText();
        String text = body.get("text").asText();
        String refId = body.get("refId").asText();
        String conversationId = conversations.computeIfAbsent(sender + "|" + recipient, k -> SandboxHttp.newId("conv-"));
        String messageId = SandboxHttp.newId("chat-");
        String tenant = SandboxHttp.tenantOf(refId);
        SmsParts parts = SmsParts.of(text);
        outbox.add(new OutboxMessage(tenant, "chat", recipient, sender, text, parts.parts(), parts.encoding().name(),
                refId, messageId, clock.instant()));
        remember(messageId, new Sent(tenant, refId, sender, recipient, conversationId,
                body.get("replyWebhook").asText()));
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("messageId", messageId);
        answer.put("conversationId", conversationId);
        SandboxHttp.send(exchange, 202, answer);
    }

    private synchronized void remember(String messageId, Sent message) {
        sent.put(messageId, message);
        if (sent.size() > REMEMBERED) {
            Iterator<String> oldest = sent.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** What is wrong with the request, or null. */
    static String problem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "the body must be a JSON object";
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return name + ": unknown field";
            }
        }
        for (String field : FIELDS) {
            if (!body.path(field).isTextual()) {
                return field + " is required (text)";
            }
        }
        if (!"sms-chat".equals(body.get("channel").asText())) {
            return "channel must be sms-chat";
        }
        String sender = body.get("sender").asText();
        if (!ALPHANUMERIC.matcher(sender).matches() && !NUMBER.matcher(sender).matches()) {
            return "sender must be 2-11 letters or digits starting with a letter, or a number";
        }
        if (!E164.matcher(body.get("recipient").asText()).matches()) {
            return "recipient must be a phone number in E.164 (+ and 7-15 digits)";
        }
        String text = body.get("text").asText();
        if (text.isBlank() || text.length() > MAX_TEXT) {
            return "text must be 1-" + MAX_TEXT + " characters";
        }
        String refId = body.get("refId").asText();
        if (refId.isBlank() || refId.length() > 200) {
            return "refId must be 1-200 characters";
        }
        try {
            URI webhook = URI.create(body.get("replyWebhook").asText());
            if (!webhook.isAbsolute() || !(webhook.getScheme().equals("https") || webhook.getScheme().equals("http"))
                    || webhook.getHost() == null) {
                return "replyWebhook must be an absolute http(s) URL";
            }
        } catch (IllegalArgumentException e) {
            return "replyWebhook must be an absolute http(s) URL";
        }
        return null;
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        ObjectNode body = SandboxHttp.JSON.createObjectNode();
        body.put("error", error);
        body.put("description", description);
        SandboxHttp.send(exchange, status, body);
    }
}
