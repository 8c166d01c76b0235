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
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;

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
 *       description (long digit runs masked, so a phone number never reaches the ledger or the log).</li>
 *   <li>No connection: {@link ProviderUnavailable}, surely not accepted. The request went out but no
 *       answer came in time (or the connection broke mid-answer): {@link ProviderUnavailable},
 *       <em>possibly accepted</em>.</li>
 * </ul>
 * Thread-safe; one instance per function.
 */
public final class LinkSmsGateway implements SmsGateway {

    static final int QUEUED = 1005;
    private static final Set<Integer> CONFIGURATION_CODES = Set.of(106100, 106101, 106200, 106201, 106300, 106301);
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\+?\\d{6,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkSettings settings;
    private final HttpClient http;
    private final URI sendUri;
    private final String authorization;

    public LinkSmsGateway(LinkSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    LinkSmsGateway(LinkSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.sendUri = URI.create(settings.baseUrl() + "/sms/send");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SmsReceipt send(SmsMessage message) {
        HttpRequest request = HttpRequest.newBuilder(sendUri)
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
            throw new ProviderUnavailable("LINK could not be reached (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable("no answer from LINK within " + settings.requestTimeout().toMillis()
                    + " ms; it may have accepted the message", true, e);
        } catch (IOException e) {
            throw new ProviderUnavailable("the connection to LINK broke after the request went out ("
                    + e.getClass().getSimpleName() + "); it may have accepted the message", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for LINK; it may have accepted the message", true, e);
        }
        return answer(response.statusCode(), response.body());
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
        JsonNode body = parse(text);
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
        String description = body.path("description").asText("");
        if (description.isBlank()) {
            return "";
        }
        String safe = DIGIT_RUNS.matcher(description).replaceAll("…");
        return ": " + (safe.length() > 200 ? safe.substring(0, 200) : safe);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
