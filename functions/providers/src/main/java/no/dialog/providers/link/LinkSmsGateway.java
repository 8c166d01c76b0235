package no.dialog.providers.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.core.send.DeliveryOutcome;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.providers.ProviderAnswers;

/**
 * {@link SmsGateway} on LINK Mobility's SMS REST API: {@code POST {baseUrl}/sms/send}, basic auth, JSON.
 *
 * <p>The request asks for an answer ({@code ignoreResponse: false}, else LINK answers 204 with no
 * {@code messageId}) and for the part count ({@code customParameters.replySmsCount: "true"}, else LINK
 * leaves out {@code smsCount}). The idempotency key goes as {@code refId}, which LINK echoes in delivery
 * reports.
 *
 * <p>How answers map (the rule for sending once is in core's {@code OnceSender}):
 * <ul>
 *   <li>2xx: accepted ({@code messageId}, {@code resultCode} 1005 "Queued", {@code smsCount}).</li>
 *   <li>400 with a configuration {@code resultCode} (106100/106101 credentials, 106200/106201 platform
 *       ids, 106300/106301 gates), 401, 403, 408, 429, 5xx: {@link ProviderUnavailable}, surely not
 *       accepted. A wrong password is no reason to give up a message: once someone fixes it, the retry or
 *       a DLQ redrive sends it.</li>
 *   <li>Any other 4xx: {@link ProviderRejected} with the status, {@code resultCode} and LINK's
 *       description (phone numbers, long digit runs and e-mail addresses masked by {@link ProviderAnswers}, so
 *       none reaches the ledger or the log).</li>
 *   <li>No connection: {@link ProviderUnavailable}, surely not accepted. The request went out but no
 *       answer came in time (or the connection broke mid-answer): {@link ProviderUnavailable},
 *       <em>possibly accepted</em>.</li>
 * </ul>
 *
 * <p>{@link #sendBatch} posts up to 1,000 messages to {@code /sms/sendbatch}: the account fields once, the
 * messages in {@code sendRequestMessages}; LINK answers an array with one result per message (matched by
 * {@code refId}). A result with resultCode 1005 is accepted, any other refused for that message alone; a
 * message without a result in the answer may have been taken and counts as possibly accepted. A call that
 * fails as a whole maps as a single send does, thrown as {@link ProviderUnavailable}; except a plain 400
 * about one of the messages, which refuses the batch as a whole (nothing was taken): then each message is
 * sent on its own through {@code /sms/send}, so that one bad message fails alone.
 *
 * <p>Thread-safe; one instance per function.
 */
public final class LinkSmsGateway implements SmsGateway {

    static final int QUEUED = 1005;
    private static final Set<Integer> CONFIGURATION_CODES = Set.of(106100, 106101, 106200, 106201, 106300, 106301);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkSettings settings;
    private final HttpClient http;
    private final URI sendUri;
    private final URI batchUri;
    private final String authorization;

    public LinkSmsGateway(LinkSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    LinkSmsGateway(LinkSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.sendUri = URI.create(settings.baseUrl() + "/sms/send");
        this.batchUri = URI.create(settings.baseUrl() + "/sms/sendbatch");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SmsReceipt send(SmsMessage message) {
        HttpResponse<String> response = post(sendUri, body(message), "the message");
        return answer(response.statusCode(), response.body());
    }

    @Override
    public List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
        if (messages.isEmpty() || messages.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a LINK batch holds 1 to " + MAX_BATCH + " messages, got "
                    + messages.size());
        }
        HttpResponse<String> response = post(batchUri, batchBody(messages), "the messages");
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return batchAnswer(messages, ProviderAnswers.parse(response.body()));
        }
        try {
            answer(status, response.body());
        } catch (ProviderRejected refusedAsAWhole) {
            // LINK takes a batch whole or not at all: nothing went out, so each can go alone now.
            return oneByOne(messages);
        }
        throw new ProviderUnavailable("LINK answered HTTP " + status + " to a batch unexpectedly", false);
    }

    private List<DeliveryOutcome> oneByOne(List<SmsMessage> messages) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(messages.size());
        for (SmsMessage message : messages) {
            try {
                SmsReceipt receipt = send(message);
                outcomes.add(new DeliveryOutcome.Accepted(
                        new no.dialog.core.send.DeliveryReceipt(receipt.providerMessageId(), receipt.smsCount())));
            } catch (ProviderRejected e) {
                outcomes.add(new DeliveryOutcome.Rejected(e.getMessage()));
            } catch (ProviderUnavailable e) {
                outcomes.add(new DeliveryOutcome.Unavailable(e.getMessage(), e.possiblyAccepted()));
            }
        }
        return outcomes;
    }

    private static List<DeliveryOutcome> batchAnswer(List<SmsMessage> messages, JsonNode body) {
        Map<String, JsonNode> byRefId = new HashMap<>();
        if (body.isArray()) {
            for (JsonNode result : body) {
                if (result.path("refId").isTextual()) {
                    byRefId.put(result.path("refId").asText(), result);
                }
            }
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>(messages.size());
        for (SmsMessage message : messages) {
            JsonNode result = byRefId.get(message.refId());
            if (result == null) {
                outcomes.add(new DeliveryOutcome.Unavailable("LINK's batch answer has no result for this message;"
                        + " it may have accepted it", true));
                continue;
            }
            int resultCode = result.path("resultCode").asInt(-1);
            if (resultCode == QUEUED) {
                String messageId = result.path("messageId").isTextual() ? result.path("messageId").asText() : null;
                Integer smsCount = result.path("smsCount").isInt() ? result.path("smsCount").asInt() : null;
                outcomes.add(new DeliveryOutcome.Accepted(new no.dialog.core.send.DeliveryReceipt(messageId, smsCount)));
            } else {
                JsonNode reason = result.has("description") ? result : JSON.createObjectNode()
                        .put("description", result.path("message").asText(""));
                outcomes.add(new DeliveryOutcome.Rejected("LINK refused the message (resultCode " + resultCode + ")"
                        + described(reason)));
            }
        }
        return outcomes;
    }

    private HttpResponse<String> post(URI uri, String body, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderUnavailable("LINK could not be reached (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable("no answer from LINK within " + settings.requestTimeout().toMillis()
                    + " ms; it may have accepted " + what, true, e);
        } catch (IOException e) {
            throw new ProviderUnavailable("the connection to LINK broke after the request went out ("
                    + e.getClass().getSimpleName() + "); it may have accepted " + what, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for LINK; it may have accepted " + what, true, e);
        }
    }

    /** The JSON LINK's {@code /sms/sendbatch} takes: the account fields once, then the messages. */
    String batchBody(List<SmsMessage> messages) {
        ObjectNode body = JSON.createObjectNode();
        body.put("platformId", settings.platformId());
        body.put("platformPartnerId", settings.platformPartnerId());
        body.put("useDeliveryReport", settings.deliveryReports());
        if (settings.deliveryReports()) {
            body.putArray("deliveryReportGates").add(settings.gate());
        }
        body.put("ignoreResponse", false);
        body.putObject("customParameters").put("replySmsCount", "true");
        ArrayNode list = body.putArray("sendRequestMessages");
        for (SmsMessage message : messages) {
            ObjectNode one = list.addObject();
            one.put("source", message.sender());
            one.put("sourceTON", "ALPHANUMERIC");
            one.put("destination", message.destination());
            one.put("userData", message.text());
            one.put("refId", message.refId());
        }
        return body.toString();
    }

    /** The JSON LINK's {@code /sms/send} takes for this message. */
    String body(SmsMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", message.sender());
        body.put("sourceTON", "ALPHANUMERIC");
        body.put("destination", message.destination());
        body.put("userData", message.text());
        body.put("platformId", settings.platformId());
        body.put("platformPartnerId", settings.platformPartnerId());
        body.put("refId", message.refId());
        // LINK: "If you do not specify any Gates ... make sure to set useDeliveryReport to FALSE".
        body.put("useDeliveryReport", settings.deliveryReports());
        if (settings.deliveryReports()) {
            body.putArray("deliveryReportGates").add(settings.gate());
        }
        body.put("ignoreResponse", false);
        body.putObject("customParameters").put("replySmsCount", "true");
        return body.toString();
    }

    private static SmsReceipt answer(int status, String text) {
        JsonNode body = ProviderAnswers.parse(text);
        int resultCode = body.path("resultCode").asInt(-1);
        if (status >= 200 && status < 300) {
            String messageId = body.path("messageId").isTextual() ? body.path("messageId").asText() : null;
            Integer smsCount = body.path("smsCount").isInt() ? body.path("smsCount").asInt() : null;
            return new SmsReceipt(messageId, smsCount);
        }
        String what = "HTTP " + status + (resultCode >= 0 ? ", resultCode " + resultCode : "");
        if (status == 401 || status == 403 || CONFIGURATION_CODES.contains(resultCode)) {
            throw new ProviderUnavailable("LINK refused our account settings (" + what + ")" + described(body), false);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new ProviderUnavailable("LINK did not take the message now (" + what + ")", false);
        }
        if (status >= 400) {
            throw new ProviderRejected("LINK refused the message (" + what + ")" + described(body));
        }
        throw new ProviderUnavailable("LINK answered " + what + " unexpectedly", false);
    }

    private static String described(JsonNode body) {
        String description = ProviderAnswers.masked(body.path("description").asText(""));
        return description.isEmpty() ? "" : ": " + description;
    }
}
