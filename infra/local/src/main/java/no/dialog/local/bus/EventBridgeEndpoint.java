package no.dialog.local.bus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local EventBridge's HTTP endpoint: speaks the AWS JSON 1.1 protocol that the AWS SDK's
 * {@code EventBridgeClient} and {@code aws events put-events} use, so code can put events on
 * the local bus with the real client, only its endpoint pointed here:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 4010), 0);
 * server.createContext("/", new EventBridgeEndpoint(events));
 * server.start();
 *
 * EventBridgeClient client = EventBridgeClient.builder()
 *         .endpointOverride(URI.create("http://127.0.0.1:4010"))
 *         .region(Region.EU_NORTH_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
 *         .build();
 * }</pre>
 *
 * <p>Supports {@code PutEvents} ({@code X-Amz-Target: AWSEvents.PutEvents}); any other
 * operation is answered with {@code UnknownOperationException}. Errors come back as AWS sends
 * them: HTTP 400 with {@code {"__type": code, "message": text}}, which the SDK turns into an
 * {@code EventBridgeException} with that error code.
 *
 * <p><b>Local only:</b> requests are not authenticated; SigV4 signatures are not checked, and
 * any credentials are accepted. Bind the server to the loopback interface. The handler
 * ignores the request path, so it can be mounted under any context.
 */
public final class EventBridgeEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeEndpoint.class);

    /** The content type of the AWS JSON 1.1 protocol, for requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final String PUT_EVENTS = "AWSEvents.PutEvents";

    private final LocalEventBus bus;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public EventBridgeEndpoint(LocalEventBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Response response = respond(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst(TARGET_HEADER), body);
            send(exchange, response);
        }
    }

    /** The whole request-to-response logic, apart from HTTP plumbing. */
    private Response respond(String method, String target, byte[] body) {
        if (!"POST".equalsIgnoreCase(method)) {
            return Response.error(405, "UnknownOperationException",
                    "The EventBridge endpoint takes POST requests in the AWS JSON 1.1 protocol; got " + method);
        }
        if (!PUT_EVENTS.equals(target)) {
            return Response.error(400, "UnknownOperationException", target == null
                    ? "Missing " + TARGET_HEADER + " header; the local EventBridge supports " + PUT_EVENTS
                    : "The local EventBridge supports only " + PUT_EVENTS + "; got " + target);
        }
        List<PutEventsEntry> entries;
        try {
            entries = readPutEventsRequest(body);
        } catch (MalformedRequestException e) {
            return Response.error(400, "SerializationException", e.getMessage());
        }
        try {
            return Response.ok(writePutEventsResponse(bus.putEvents(entries)));
        } catch (PutEventsValidationException e) {
            return Response.error(400, e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("PutEvents failed inside the local EventBridge", e);
            return Response.error(500, "InternalException", "The local EventBridge failed: " + e);
        }
    }

    private List<PutEventsEntry> readPutEventsRequest(byte[] body) throws MalformedRequestException {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw new MalformedRequestException("The request body is not valid JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw new MalformedRequestException("The request body must be a JSON object with an Entries array");
        }
        JsonNode entriesNode = request.get("Entries");
        if (entriesNode == null || entriesNode.isNull()) {
            return List.of(); // the bus answers this with AWS's ValidationException
        }
        if (!entriesNode.isArray()) {
            throw new MalformedRequestException("Entries must be a JSON array");
        }
        List<PutEventsEntry> entries = new ArrayList<>();
        for (JsonNode entry : entriesNode) {
            if (!entry.isObject()) {
                throw new MalformedRequestException("Each element of Entries must be a JSON object");
            }
            entries.add(new PutEventsEntry(
                    text(entry, "Source"),
                    text(entry, "DetailType"),
                    text(entry, "Detail"),
                    text(entry, "EventBusName"),
                    textList(entry, "Resources"),
                    time(entry)));
        }
        return entries;
    }

    private ObjectNode writePutEventsResponse(PutEventsResult result) {
        ObjectNode response = json.createObjectNode();
        response.put("FailedEntryCount", result.failedEntryCount());
        ArrayNode entries = response.putArray("Entries");
        for (PutEventsResultEntry entry : result.entries()) {
            ObjectNode node = entries.addObject();
            if (entry.isSuccess()) {
                node.put("EventId", entry.eventId());
            } else {
                node.put("ErrorCode", entry.errorCode());
                node.put("ErrorMessage", entry.errorMessage());
            }
        }
        return response;
    }

    private static String text(JsonNode entry, String field) throws MalformedRequestException {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedRequestException(field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> textList(JsonNode entry, String field) throws MalformedRequestException {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedRequestException(field + " must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new MalformedRequestException(field + " must be an array of strings");
            }
            list.add(item.asText());
        }
        return list;
    }

    /** The JSON 1.1 protocol sends timestamps as epoch seconds (the SDK) or ISO-8601 text (hand-written). */
    private static Instant time(JsonNode entry) throws MalformedRequestException {
        JsonNode value = entry.get("Time");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return epochSeconds(value.decimalValue());
            }
            if (value.isTextual()) {
                String text = value.asText().trim();
                return text.matches("-?\\d+(\\.\\d+)?") ? epochSeconds(new BigDecimal(text)) : OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // fall through to the error below
        }
        throw new MalformedRequestException("Time must be epoch seconds or an ISO-8601 date-time; got " + value);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = json.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (response.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", response.errorType());
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An HTTP status with a JSON body, and the AWS error code if it is an error. */
    private record Response(int status, JsonNode body, String errorType) {

        static Response ok(JsonNode body) {
            return new Response(200, body, null);
        }

        static Response error(int status, String type, String message) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("__type", type);
            body.put("message", message);
            return new Response(status, body, type);
        }
    }

    /** The request could not be read as a PutEvents request: AWS's SerializationException. */
    private static final class MalformedRequestException extends Exception {
        MalformedRequestException(String message) {
            super(message);
        }
    }
}
