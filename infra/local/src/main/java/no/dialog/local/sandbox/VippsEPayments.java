package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ePayment API v1 of one merchant (MSN), in memory: create (idempotent by {@code Idempotency-Key};
 * a reference reused with another key is a 409), get, capture (the state stays AUTHORIZED and
 * {@code aggregate.capturedAmount} grows, as at Vipps), and the person's approve or reject on the
 * sandbox page. Thread-safe.
 */
final class VippsEPayments {

    static final Pattern REFERENCE = Pattern.compile("[a-zA-Z0-9-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String msn;
    private final Clock clock;
    private final URI pagesBase;
    private final Map<String, Payment> byReference = new LinkedHashMap<>();
    private final Map<String, String> referenceByKey = new HashMap<>();

    /** @param pagesBase the sandbox's own URL ({@code http://localhost:3000/sandbox/vipps}), for redirectUrl */
    VippsEPayments(String msn, Clock clock, URI pagesBase) {
        this.msn = msn;
        this.clock = clock;
        this.pagesBase = pagesBase;
    }

    /** What the approve page shows. */
    record PaymentView(String reference, long amountOre, String description, String phone, String state) {}

    synchronized VippsOutcome create(JsonNode body, String idempotencyKey) {
        requireKey(idempotencyKey);
        if (body == null || !body.isObject()) {
            throw VippsProblem.badRequest("body", "the body must be a JSON object");
        }
        String reference = body.path("reference").asText("");
        if (!REFERENCE.matcher(reference).matches()) {
            throw VippsProblem.badRequest("reference", "must be 8-64 characters of a-z, A-Z, 0-9 and -");
        }
        String known = referenceByKey.get(idempotencyKey);
        if (known != null) {
            if (!known.equals(reference)) {
                throw new VippsProblem(409, "Idempotency-Key", "already used for another payment");
            }
            return VippsOutcome.of(201, created(byReference.get(known)));
        }
        if (byReference.containsKey(reference)) {
            throw new VippsProblem(409, "reference", "a payment with this reference already exists for this merchant");
        }
        JsonNode amount = body.path("amount");
        if (!amount.path("value").canConvertToLong() || !amount.path("value").isIntegralNumber()
                || amount.path("value").asLong() <= 0) {
            throw VippsProblem.badRequest("amount.value", "must be a whole number of øre above 0");
        }
        if (!"NOK".equals(amount.path("currency").asText())) {
            throw VippsProblem.badRequest("amount.currency", "must be NOK for a Norwegian merchant");
        }
        if (!"WALLET".equals(body.path("paymentMethod").path("type").asText("WALLET"))) {
            throw VippsProblem.badRequest("paymentMethod.type", "the sandbox supports WALLET only");
        }
        if (!"WEB_REDIRECT".equals(body.path("userFlow").asText())) {
            throw VippsProblem.badRequest("userFlow", "the sandbox supports WEB_REDIRECT only");
        }
        String returnUrl = body.path("returnUrl").asText("");
        if (!returnUrl.startsWith("http://") && !returnUrl.startsWith("https://")) {
            throw VippsProblem.badRequest("returnUrl", "is required with WEB_REDIRECT and must be an http(s) URL");
        }
        Payment payment = new Payment(reference, amount.path("value").asLong(), returnUrl,
                body.path("paymentDescription").asText(""), body.path("customer").path("phoneNumber").asText(null),
                idempotencyKey, pspReference(), clock.instant());
        byReference.put(reference, payment);
        referenceByKey.put(idempotencyKey, reference);
        return VippsOutcome.of(201, created(payment));
    }

    synchronized VippsOutcome get(String reference) {
        return VippsOutcome.of(200, state(find(reference)));
    }

    synchronized VippsOutcome capture(String reference, JsonNode body, String idempotencyKey) {
        requireKey(idempotencyKey);
        Payment payment = find(reference);
        JsonNode earlier = payment.captures.get(idempotencyKey);
        if (earlier != null) {
            return VippsOutcome.of(200, earlier);
        }
        if (!"AUTHORIZED".equals(payment.state)) {
            throw VippsProblem.badRequest("reference", "the payment is " + payment.state + "; only an AUTHORIZED payment"
                    + " can be captured");
        }
        JsonNode amount = body == null ? null : body.path("modificationAmount");
        if (amount == null || !amount.path("value").isIntegralNumber() || amount.path("value").asLong() <= 0) {
            throw VippsProblem.badRequest("modificationAmount.value", "must be a whole number of øre above 0");
        }
        if (!"NOK".equals(amount.path("currency").asText())) {
            throw VippsProblem.badRequest("modificationAmount.currency", "must be NOK");
        }
        long value = amount.path("value").asLong();
        if (value > payment.amountOre - payment.capturedOre) {
            throw VippsProblem.badRequest("modificationAmount.value", "is more than what is left to capture ("
                    + (payment.amountOre - payment.capturedOre) + ")");
        }
        payment.capturedOre += value;
        String psp = pspReference();
        ObjectNode answer = state(payment);
        answer.put("pspReference", psp);
        answer.set("amount", money(payment.amountOre));
        payment.captures.put(idempotencyKey, answer);
        return new VippsOutcome(200, answer, List.of(event(payment, "CAPTURED", value, psp, idempotencyKey)));
    }

    synchronized Optional<PaymentView> view(String reference) {
        Payment payment = byReference.get(reference);
        return payment == null ? Optional.empty() : Optional.of(new PaymentView(payment.reference, payment.amountOre,
                payment.description, payment.phone, payment.state));
    }

    /**
     * The person approved or rejected on the sandbox page: CREATED becomes AUTHORIZED or ABORTED, with its
     * webhook. A second click changes nothing (no second webhook). Returns where the person goes next.
     */
    synchronized Decision decide(String reference, boolean approve) {
        Payment payment = find(reference);
        if (!"CREATED".equals(payment.state)) {
            return new Decision(payment.returnUrl, List.of());
        }
        payment.state = approve ? "AUTHORIZED" : "ABORTED";
        return new Decision(payment.returnUrl, List.of(event(payment, payment.state, payment.amountOre,
                payment.pspReference, payment.idempotencyKey)));
    }

    /** Where the person's browser goes, and the webhooks to send once it has been told. */
    record Decision(String redirectTo, List<VippsEvent> events) {}

    private VippsEvent event(Payment payment, String name, long amountOre, String psp, String idempotencyKey) {
        ObjectNode payload = SandboxHttp.JSON.createObjectNode();
        payload.put("msn", msn);
        payload.put("reference", payment.reference);
        payload.put("pspReference", psp);
        payload.put("name", name);
        payload.set("amount", money(amountOre));
        payload.put("timestamp", clock.instant().toString());
        payload.put("idempotencyKey", idempotencyKey);
        payload.put("success", true);
        return new VippsEvent("epayments.payment." + name.toLowerCase(java.util.Locale.ROOT) + ".v1", payload);
    }

    private ObjectNode created(Payment payment) {
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("redirectUrl", pagesBase + "/approve/" + payment.reference);
        answer.put("reference", payment.reference);
        return answer;
    }

    private ObjectNode state(Payment payment) {
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("reference", payment.reference);
        answer.put("state", payment.state);
        ObjectNode aggregate = answer.putObject("aggregate");
        boolean authorized = !"CREATED".equals(payment.state) && !"ABORTED".equals(payment.state);
        aggregate.set("authorizedAmount", money(authorized ? payment.amountOre : 0));
        aggregate.set("cancelledAmount", money(0));
        aggregate.set("capturedAmount", money(payment.capturedOre));
        aggregate.set("refundedAmount", money(0));
        answer.set("amount", money(payment.amountOre));
        answer.putObject("paymentMethod").put("type", "WALLET");
        answer.put("pspReference", payment.pspReference);
        answer.put("redirectUrl", pagesBase + "/approve/" + payment.reference);
        return answer;
    }

    static ObjectNode money(long ore) {
        return SandboxHttp.JSON.createObjectNode().put("currency", "NOK").put("value", ore);
    }

    private Payment find(String reference) {
        Payment payment = byReference.get(reference);
        if (payment == null) {
            throw new VippsProblem(404, "reference", "no payment with this reference for this merchant");
        }
        return payment;
    }

    static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 50) {
            throw VippsProblem.badRequest("Idempotency-Key", "the header is required (1-50 characters)");
        }
    }

    private static String pspReference() {
        return Long.toString(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_999_999_999L);
    }

    /** One payment; guarded by the enclosing instance's lock. */
    private static final class Payment {
        final String reference;
        final long amountOre;
        final String returnUrl;
        final String description;
        final String phone;
        final String idempotencyKey;
        final String pspReference;
        final Instant createdAt;
        final Map<String, JsonNode> captures = new HashMap<>();
        String state = "CREATED";
        long capturedOre;

        Payment(String reference, long amountOre, String returnUrl, String description, String phone,
                String idempotencyKey, String pspReference, Instant createdAt) {
            this.reference = reference;
            this.amountOre = amountOre;
            this.returnUrl = returnUrl;
            this.description = description;
            this.phone = phone;
            this.idempotencyKey = idempotencyKey;
            this.pspReference = pspReference;
            this.createdAt = createdAt;
        }
    }
}
