package no.dialog.core.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;

/**
 * The bodies of the responses queue, turned into {@link Signal}s. Two shapes arrive:
 * <ul>
 *   <li>an EventBridge event from the organisation's systems ({@code source: org.system}), whose
 *       {@code detail-type} is the signal type and whose detail holds {@code tenant}, {@code contactId}
 *       and scalar facts (a gift id, an amount in øre);</li>
 *   <li>a response from Dialog's own channels: {@code {"kind":"signal","tenant":..,"signal":{..}}}.</li>
 * </ul>
 * Unknown types and malformed bodies are a {@link PermanentFailure} (to the DLQ with the reason).
 */
public final class SignalMessages {

    /** Events from the organisation's systems that journeys may start on or wait for. */
    public static final Set<String> ORG_EVENT_TYPES = Set.of(
            "GiftReceived", "MembershipStarted", "MembershipEnded", "EventSignup", "PaymentReceived");

    /** Responses from Dialog's channels, landing pages and payment providers. */
    public static final Set<String> RESPONSE_TYPES = Set.of(
            "delivered", "failed", "opened", "clicked", "bounced", "complained", "unsubscribed", "replied",
            "answered", "paid", "payment-failed", "tm-outcome", "letter-dispatched",
            // A Vipps Recurring agreement became active: a goal "became a regular donor" counts it.
            "agreement-activated");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ATTRIBUTES = 20;
    private static final int MAX_ATTRIBUTE_LENGTH = 200;

    private SignalMessages() {}

    /** A signal for one tenant. */
    public record TenantSignal(TenantId tenant, Signal signal) {}

    public static TenantSignal parse(String body) {
        JsonNode root = MessageFields.object(body);
        if (root.has("detail-type")) {
            return fromEvent(root);
        }
        if ("signal".equals(root.path("kind").asText())) {
            return fromResponse(root);
        }
        throw new PermanentFailure("neither an EventBridge event nor a signal message");
    }

    private static TenantSignal fromEvent(JsonNode event) {
        String type = event.path("detail-type").asText();
        if (!ORG_EVENT_TYPES.contains(type)) {
            throw new PermanentFailure("unknown event type");
        }
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new PermanentFailure("detail is missing or not an object");
        }
        TenantId tenant = tenant(detail.path("tenant").asText(null));
        String contactId = required(detail, "contactId");
        Instant at = instant(event.path("time").asText(null), "time");
        Map<String, String> attributes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = detail.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("tenant") || field.getKey().equals("contactId")) {
                continue;
            }
            // Only scalar facts become attributes: conditions compare them, nothing else reads them.
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                attributes.put(field.getKey(), field.getValue().asText());
            }
        }
        checkAttributes(attributes);
        String id = event.path("id").asText("");
        if (id.isEmpty()) {
            throw new PermanentFailure("id is missing");
        }
        return new TenantSignal(tenant, new Signal(id, type, contactId, at, attributes, null, null));
    }

    private static TenantSignal fromResponse(JsonNode root) {
        TenantId tenant = tenant(root.path("tenant").asText(null));
        JsonNode signal = root.get("signal");
        if (signal == null || !signal.isObject()) {
            throw new PermanentFailure("signal is missing or not an object");
        }
        String type = required(signal, "type");
        if (!RESPONSE_TYPES.contains(type) && !ORG_EVENT_TYPES.contains(type)) {
            throw new PermanentFailure("unknown signal type");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode given = signal.path("attributes");
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isObject()) {
                throw new PermanentFailure("signal.attributes must be an object");
            }
            given.fields().forEachRemaining(field -> {
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    throw new PermanentFailure("signal.attributes values must be strings, numbers or booleans");
                }
                attributes.put(field.getKey(), field.getValue().asText());
            });
        }
        checkAttributes(attributes);
        return new TenantSignal(tenant, new Signal(required(signal, "signalId"), type, required(signal, "contactId"),
                instant(signal.path("occurredAt").asText(null), "signal.occurredAt"), attributes,
                signal.path("journeyId").asText(null), signal.path("enrolmentId").asText(null)));
    }

    /** The response form, for Dialog's own producers (webhooks, landing pages) and tests. */
    public static String format(TenantId tenant, Signal signal) {
        ObjectNode root = MAPPER.createObjectNode().put("kind", "signal").put("tenant", tenant.value());
        ObjectNode s = root.putObject("signal").put("signalId", signal.signalId()).put("type", signal.type())
                .put("contactId", signal.contactId()).put("occurredAt", signal.occurredAt().toString());
        ObjectNode attributes = s.putObject("attributes");
        signal.attributes().forEach(attributes::put);
        if (signal.journeyId() != null) {
            s.put("journeyId", signal.journeyId());
        }
        if (signal.enrolmentId() != null) {
            s.put("enrolmentId", signal.enrolmentId());
        }
        return root.toString();
    }

    private static void checkAttributes(Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new PermanentFailure("more than " + MAX_ATTRIBUTES + " attributes");
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getValue().length() > MAX_ATTRIBUTE_LENGTH) {
                throw new PermanentFailure("attribute " + e.getKey() + " is longer than " + MAX_ATTRIBUTE_LENGTH);
            }
        }
    }

    private static TenantId tenant(String value) {
        return MessageFields.tenant(value);
    }

    private static String required(JsonNode node, String field) {
        return MessageFields.text(node, field);
    }

    private static Instant instant(String value, String field) {
        if (value == null) {
            throw new PermanentFailure(field + " is missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PermanentFailure(field + " is not an ISO-8601 instant");
        }
    }
}
