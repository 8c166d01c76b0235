package no.dialog.providers.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.dialog.core.send.ChatGateway;
import no.dialog.core.send.ChatMessage;
import no.dialog.core.send.ChatReceipt;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.providers.ProviderAnswers;

/**
 * {@link ChatGateway} on LINK Conversations as docs/providers/link-conversations.md models it (LINK
 * publishes no API for it; a real adapter replaces this class behind the same port):
 * {@code POST {baseUrl}/conversations/v1/messages}, basic auth, JSON
 * {@code {"channel":"sms-chat","sender","recipient","text","refId","replyWebhook"}}.
 *
 * <ul>
 *   <li>2xx (LINK answers 202): accepted, {@code {"messageId","conversationId"}}.</li>
 *   <li>400 {@code {"error","description"}}: {@link ProviderRejected} with LINK's error code and
 *       description (phone numbers and e-mail addresses masked).</li>
 *   <li>401, 403, 408, 429, 5xx: {@link ProviderUnavailable}, surely not accepted (a wrong password is
 *       fixed and the message then sent, not given up).</li>
 *   <li>Other 4xx: {@link ProviderRejected}.</li>
 *   <li>No connection: unavailable, surely not accepted. The request went out and no answer came in
 *       time: unavailable, <em>possibly accepted</em>, so the message is not sent again (ADR 0005).</li>
 * </ul>
 * Thread-safe; one instance per function.
 */
public final class LinkConversationsGateway implements ChatGateway {

    /** The only channel Dialog uses: a two-way SMS conversation. */
    public static final String CHANNEL = "sms-chat";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkConversationsSettings settings;
    private final HttpClient http;
    private final URI messagesUri;
    private final String authorization;

    public LinkConversationsGateway(LinkConversationsSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    LinkConversationsGateway(LinkConversationsSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.messagesUri = URI.create(settings.baseUrl() + "/conversations/v1/messages");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ChatReceipt send(ChatMessage message) {
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderUnavailable("LINK Conversations could not be reached (" + e.getClass().getSimpleName()
                    + ")", false, e);
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable("no answer from LINK Conversations within "
                    + settings.requestTimeout().toMillis() + " ms; it may have accepted the message", true, e);
        } catch (IOException e) {
            throw new ProviderUnavailable("the connection to LINK Conversations broke after the request went out ("
                    + e.getClass().getSimpleName() + "); it may have accepted the message", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for LINK Conversations; it may have accepted"
                    + " the message", true, e);
        }
        return answer(response.statusCode(), response.body());
    }

    /** The JSON posted for this message. */
    static String body(ChatMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("channel", CHANNEL);
        body.put("sender", message.sender());
        body.put("recipient", message.recipient());
        body.put("text", message.text());
        body.put("refId", message.refId());
        body.put("replyWebhook", message.replyWebhook());
        return body.toString();
    }

    private static ChatReceipt answer(int status, String text) {
        JsonNode body = ProviderAnswers.parse(text);
        if (status >= 200 && status < 300) {
            String messageId = body.path("messageId").isTextual() ? body.path("messageId").asText() : null;
            String conversationId = body.path("conversationId").isTextual() ? body.path("conversationId").asText() : null;
            return new ChatReceipt(messageId, conversationId);
        }
        String error = ProviderAnswers.masked(body.path("error").asText(""));
        String what = "HTTP " + status + (error.isEmpty() ? "" : ", " + error);
        String description = ProviderAnswers.masked(body.path("description").asText(""));
        String described = description.isEmpty() ? "" : ": " + description;
        if (status == 401 || status == 403) {
            throw new ProviderUnavailable("LINK Conversations refused our account settings (" + what + ")", false);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new ProviderUnavailable("LINK Conversations did not take the message now (" + what + ")", false);
        }
        if (status >= 400) {
            throw new ProviderRejected("LINK Conversations refused the message (" + what + ")" + described);
        }
        throw new ProviderUnavailable("LINK Conversations answered " + what + " unexpectedly", false);
    }
}
