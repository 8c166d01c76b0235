package no.dialog.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code POST /local/signals}: puts a response on the responses queue as Dialog's own channels will
 * (a landing-page answer, an SMS reply), so a journey waiting for one can be watched locally before
 * those channels exist. Body:
 * <pre>{"tenant":"demo","type":"answered","contactId":"M-000042","journeyId":"student",
 *  "attributes":{"question":"still-student","value":"yes"}}</pre>
 */
public final class LocalSignals implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final SqsClient sqs;
    private final String responsesQueueUrl;
    private final Clock clock;

    public LocalSignals(SqsClient sqs, String responsesQueueUrl, Clock clock) {
        this.sqs = sqs;
        this.responsesQueueUrl = responsesQueueUrl;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.error(exchange, 405, "use POST");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            HttpExchanges.error(exchange, 413, "the body is larger than 16 KB");
            return;
        }
        String message;
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new PermanentFailure("the body must be a JSON object");
            }
            String tenant = root.path("tenant").asText("");
            if (!TenantId.isValid(tenant)) {
                throw new PermanentFailure("tenant is missing or not a valid tenant id");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            root.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
            Signal signal = new Signal(UUID.randomUUID().toString(), root.path("type").asText(""),
                    root.path("contactId").asText(""), clock.instant(), attributes,
                    root.path("journeyId").asText(null), root.path("enrolmentId").asText(null));
            message = SignalMessages.format(TenantId.of(tenant), signal);
            // The same checks the journeys function makes, so a mistake is answered here, not in a DLQ.
            SignalMessages.parse(message);
        } catch (PermanentFailure e) {
            HttpExchanges.error(exchange, 400, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            HttpExchanges.error(exchange, 400, "the body is not a valid signal");
            return;
        }
        sqs.sendMessage(b -> b.queueUrl(responsesQueueUrl).messageBody(message));
        HttpExchanges.json(exchange, 202, "{\"queued\":true}");
    }
}
