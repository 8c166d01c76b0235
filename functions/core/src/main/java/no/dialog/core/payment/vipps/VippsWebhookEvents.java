package no.dialog.core.payment.vipps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of a Vipps MobilePay webhook (after {@link VippsWebhookSignature} accepted it).
 *
 * <ul>
 *   <li>ePayment ({@code epayments.payment.*.v1}): {@code msn, reference, pspReference, name} (the state:
 *       {@code AUTHORIZED} ...){@code , amount{currency,value}, timestamp, idempotencyKey, success};</li>
 *   <li>Recurring ({@code recurring.agreement-*.v1}, {@code recurring.charge-*.v1}): {@code eventType,
 *       agreementId, occurred, msn}, and for charges {@code chargeId, amount} (øre), {@code failureReason}.</li>
 * </ul>
 * A malformed body gives an {@link IllegalArgumentException} that names the field, never its value.
 */
public final class VippsWebhookEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EPAYMENT_PREFIX = "epayments.payment.";
    private static final String RECURRING_PREFIX = "recurring.";

    private static final Map<String, VippsWebhookEvent.Kind> RECURRING = Map.ofEntries(
            Map.entry("recurring.agreement-activated.v1", VippsWebhookEvent.Kind.AGREEMENT_ACTIVATED),
            Map.entry("recurring.agreement-rejected.v1", VippsWebhookEvent.Kind.AGREEMENT_REJECTED),
            Map.entry("recurring.agreement-stopped.v1", VippsWebhookEvent.Kind.AGREEMENT_STOPPED),
            Map.entry("recurring.agreement-expired.v1", VippsWebhookEvent.Kind.AGREEMENT_EXPIRED),
            Map.entry("recurring.charge-reserved.v1", VippsWebhookEvent.Kind.CHARGE_RESERVED),
            Map.entry("recurring.charge-captured.v1", VippsWebhookEvent.Kind.CHARGE_CAPTURED),
            Map.entry("recurring.charge-canceled.v1", VippsWebhookEvent.Kind.CHARGE_CANCELED),
            // Both spellings occur in the wild; Vipps documents the American one.
            Map.entry("recurring.charge-cancelled.v1", VippsWebhookEvent.Kind.CHARGE_CANCELED),
            Map.entry("recurring.charge-failed.v1", VippsWebhookEvent.Kind.CHARGE_FAILED),
            Map.entry("recurring.charge-creation-failed.v1", VippsWebhookEvent.Kind.CHARGE_CREATION_FAILED),
            Map.entry("recurring.charge-refunded.v1", VippsWebhookEvent.Kind.CHARGE_REFUNDED));

    private VippsWebhookEvents() {}

    /**
     * @throws IllegalArgumentException if the body is not a JSON object, or a field Dialog needs is missing
     *                                  or of the wrong form (the message names it)
     */
    public static VippsWebhookEvent parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the webhook body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the webhook body is not JSON");
        } catch (IOException e) {
            throw new IllegalArgumentException("the webhook body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the webhook body is not a JSON object");
        }
        String eventType = text(root, "eventType");
        String name = text(root, "name");
        if (eventType != null && eventType.startsWith(RECURRING_PREFIX)) {
            return recurring(root, eventType);
        }
        if (eventType == null && name != null && name.startsWith(RECURRING_PREFIX)) {
            return recurring(root, name);
        }
        if (name != null) {
            return ePayment(root, name);
        }
        throw new IllegalArgumentException(eventType != null ? "eventType: not an event Dialog knows"
                : "name or eventType: missing");
    }

    private static VippsWebhookEvent ePayment(JsonNode root, String name) {
        // The body's name is the state (AUTHORIZED); accept the event type too (epayments.payment.authorized.v1).
        String state = name;
        if (name.startsWith(EPAYMENT_PREFIX)) {
            String rest = name.substring(EPAYMENT_PREFIX.length());
            int dot = rest.indexOf('.');
            state = dot < 0 ? rest : rest.substring(0, dot);
        }
        VippsWebhookEvent.Kind kind;
        try {
            kind = VippsWebhookEvent.Kind.valueOf("PAYMENT_" + state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = VippsWebhookEvent.Kind.OTHER;
        }
        String reference = required(root, "reference");
        String pspReference = text(root, "pspReference");
        String timestampText = required(root, "timestamp");
        Instant timestamp = instant(timestampText, "timestamp");
        long amount = amount(root.get("amount"));
        JsonNode success = root.get("success");
        if (success != null && !success.isNull() && !success.isBoolean()) {
            throw new IllegalArgumentException("success: not true or false");
        }
        boolean succeeded = success == null || success.isNull() || success.booleanValue();
        String eventId = eventId(name, reference, pspReference, timestampText);
        return new VippsWebhookEvent(eventId, kind, name, text(root, "msn"), reference, pspReference, null, null,
                amount, timestamp, text(root, "idempotencyKey"), succeeded, null);
    }

    private static VippsWebhookEvent recurring(JsonNode root, String eventType) {
        VippsWebhookEvent.Kind kind = RECURRING.getOrDefault(eventType, VippsWebhookEvent.Kind.OTHER);
        String agreementId = required(root, "agreementId");
        String chargeId = kind.charge() ? required(root, "chargeId") : text(root, "chargeId");
        String occurredText = required(root, "occurred");
        Instant occurred = instant(occurredText, "occurred");
        long amount = amount(root.get("amount"));
        String currency = text(root, "currency");
        if (currency != null && !currency.equals("NOK")) {
            throw new IllegalArgumentException("currency: only NOK is supported");
        }
        String eventId = eventId(eventType, agreementId, chargeId, occurredText);
        return new VippsWebhookEvent(eventId, kind, eventType, text(root, "msn"), null, null, agreementId, chargeId,
                amount, occurred, null, true, text(root, "failureReason"));
    }

    /** ePayment: {@code {currency, value}}; Recurring: a number. Øre either way. */
    private static long amount(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return 0;
        }
        JsonNode value = amount;
        if (amount.isObject()) {
            JsonNode currency = amount.get("currency");
            if (currency != null && !currency.isNull() && !"NOK".equals(currency.asText())) {
                throw new IllegalArgumentException("amount.currency: only NOK is supported");
            }
            value = amount.get("value");
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException("amount.value: missing");
            }
        }
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new IllegalArgumentException(amount.isObject() ? "amount.value: not a whole number of øre"
                    : "amount: not a whole number of øre");
        }
        return value.longValue();
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not an ISO 8601 date and time");
        }
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(field + ": not a text value");
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }

    /** The same for every delivery of one event (Vipps sends the same body again), distinct between events. */
    static String eventId(String name, String id, String secondId, String time) {
        String joined = name + "\n" + id + "\n" + (secondId == null ? "" : secondId) + "\n" + time;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "vipps-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
