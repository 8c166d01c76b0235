package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Recurring API v3 of one merchant, in memory: agreements (PENDING until the person approves on the
 * sandbox page, then ACTIVE; a rejection makes it STOPPED) and charges (created PENDING with a due date
 * at least one day after the local clock's today in Oslo; on the due date they are captured, or fail when
 * a failure was asked for with {@link #failNextCharges}). Creating calls are idempotent by
 * {@code Idempotency-Key}. Thread-safe.
 */
final class VippsRecurring {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Set<String> UNITS = Set.of("YEAR", "MONTH", "WEEK", "DAY");
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final URI pagesBase;
    private final Map<String, Agreement> agreements = new LinkedHashMap<>();
    private final Map<String, String> agreementByKey = new HashMap<>();
    private final Map<String, Charge> chargeByKey = new HashMap<>();
    private int failNext;

    VippsRecurring(Clock clock, URI pagesBase) {
        this.clock = clock;
        this.pagesBase = pagesBase;
    }

    /** What the confirmation page shows. */
    record AgreementView(String agreementId, String productName, long amountOre, String intervalUnit, int intervalCount,
                         String phone, String status) {}

    synchronized VippsOutcome createAgreement(JsonNode body, String idempotencyKey) {
        VippsEPayments.requireKey(idempotencyKey);
        String known = agreementByKey.get(idempotencyKey);
        if (known != null) {
            return VippsOutcome.of(201, created(agreements.get(known)));
        }
        if (body == null || !body.isObject()) {
            throw VippsProblem.badRequest("body", "the body must be a JSON object");
        }
        JsonNode pricing = body.path("pricing");
        if (!"LEGACY".equals(pricing.path("type").asText("LEGACY"))) {
            throw VippsProblem.badRequest("pricing.type", "the sandbox supports LEGACY (a fixed amount) only");
        }
        if (!pricing.path("amount").isIntegralNumber() || pricing.path("amount").asLong() <= 0) {
            throw VippsProblem.badRequest("pricing.amount", "must be a whole number of øre above 0");
        }
        if (!"NOK".equals(pricing.path("currency").asText())) {
            throw VippsProblem.badRequest("pricing.currency", "must be NOK");
        }
        String unit = body.path("interval").path("unit").asText("");
        if (!UNITS.contains(unit)) {
            throw VippsProblem.badRequest("interval.unit", "must be one of YEAR, MONTH, WEEK, DAY");
        }
        int count = body.path("interval").path("count").asInt(0);
        if (count < 1 || count > 31) {
            throw VippsProblem.badRequest("interval.count", "must be 1-31");
        }
        String productName = body.path("productName").asText("");
        if (productName.isBlank() || productName.length() > 45) {
            throw VippsProblem.badRequest("productName", "is required (1-45 characters)");
        }
        for (String field : new String[] {"merchantRedirectUrl", "merchantAgreementUrl"}) {
            String url = body.path(field).asText("");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw VippsProblem.badRequest(field, "is required and must be an http(s) URL");
            }
        }
        Agreement agreement = new Agreement("agr_" + randomId(7), UUID.randomUUID().toString(), productName,
                pricing.path("amount").asLong(), unit, count, body.path("merchantRedirectUrl").asText(),
                body.path("merchantAgreementUrl").asText(), body.path("phoneNumber").asText(null));
        agreements.put(agreement.id, agreement);
        agreementByKey.put(idempotencyKey, agreement.id);
        return VippsOutcome.of(201, created(agreement));
    }

    synchronized VippsOutcome agreement(String agreementId) {
        return VippsOutcome.of(200, json(find(agreementId)));
    }

    synchronized Optional<AgreementView> view(String agreementId) {
        Agreement a = agreements.get(agreementId);
        return a == null ? Optional.empty() : Optional.of(new AgreementView(a.id, a.productName, a.amountOre,
                a.intervalUnit, a.intervalCount, a.phone, a.status));
    }

    /** The person approved or rejected a PENDING agreement; a second click changes nothing. */
    synchronized VippsEPayments.Decision decide(String agreementId, boolean approve) {
        Agreement agreement = find(agreementId);
        if (!"PENDING".equals(agreement.status)) {
            return new VippsEPayments.Decision(agreement.merchantRedirectUrl, List.of());
        }
        agreement.status = approve ? "ACTIVE" : "STOPPED";
        agreement.start = approve ? clock.instant().toString() : null;
        agreement.stop = approve ? null : clock.instant().toString();
        ObjectNode payload = SandboxHttp.JSON.createObjectNode();
        payload.put("agreementId", agreement.id);
        payload.putNull("agreementExternalId");
        payload.put("agreementUUID", agreement.uuid);
        String type = approve ? "recurring.agreement-activated.v1" : "recurring.agreement-rejected.v1";
        payload.put("eventType", type);
        payload.put("occurred", clock.instant().toString());
        payload.put("actor", "USER");
        return new VippsEPayments.Decision(agreement.merchantRedirectUrl, List.of(new VippsEvent(type, payload)));
    }

    synchronized VippsOutcome createCharge(String agreementId, JsonNode body, String idempotencyKey) {
        VippsEPayments.requireKey(idempotencyKey);
        Agreement agreement = find(agreementId);
        Charge earlier = chargeByKey.get(agreementId + "/" + idempotencyKey);
        if (earlier != null) {
            return VippsOutcome.of(201, SandboxHttp.JSON.createObjectNode().put("chargeId", earlier.id));
        }
        if (!"ACTIVE".equals(agreement.status)) {
            throw VippsProblem.badRequest("agreementId", "the agreement is " + agreement.status
                    + "; charges need an ACTIVE agreement");
        }
        if (body == null || !body.isObject()) {
            throw VippsProblem.badRequest("body", "the body must be a JSON object");
        }
        if (!body.path("amount").isIntegralNumber() || body.path("amount").asLong() <= 0) {
            throw VippsProblem.badRequest("amount", "must be a whole number of øre above 0");
        }
        if (body.path("amount").asLong() > agreement.amountOre) {
            throw VippsProblem.badRequest("amount", "must not be more than the agreement's price (" + agreement.amountOre
                    + ")");
        }
        String transactionType = body.path("transactionType").asText("");
        if (!transactionType.equals("DIRECT_CAPTURE") && !transactionType.equals("RESERVE_CAPTURE")) {
            throw VippsProblem.badRequest("transactionType", "must be DIRECT_CAPTURE or RESERVE_CAPTURE");
        }
        String description = body.path("description").asText("");
        if (description.isBlank()) {
            throw VippsProblem.badRequest("description", "is required");
        }
        LocalDate due;
        try {
            due = LocalDate.parse(body.path("due").asText(""));
        } catch (DateTimeParseException e) {
            throw VippsProblem.badRequest("due", "must be a date (yyyy-MM-dd)");
        }
        LocalDate earliest = LocalDate.now(clock.withZone(OSLO)).plusDays(1);
        if (due.isBefore(earliest)) {
            throw VippsProblem.badRequest("due", "must be at least one day ahead (" + earliest + " or later)");
        }
        int retryDays = body.path("retryDays").asInt(0);
        if (retryDays < 0 || retryDays > 14) {
            throw VippsProblem.badRequest("retryDays", "must be 0-14");
        }
        Charge charge = new Charge("chr-" + randomId(7), agreement.id, body.path("amount").asLong(), description, due,
                retryDays, transactionType);
        agreement.charges.put(charge.id, charge);
        chargeByKey.put(agreementId + "/" + idempotencyKey, charge);
        return VippsOutcome.of(201, SandboxHttp.JSON.createObjectNode().put("chargeId", charge.id));
    }

    synchronized VippsOutcome charge(String agreementId, String chargeId) {
        Charge charge = find(agreementId).charges.get(chargeId);
        if (charge == null) {
            throw new VippsProblem(404, "chargeId", "no such charge on this agreement");
        }
        return VippsOutcome.of(200, json(charge));
    }

    /** The next {@code count} charges that fall due fail (insufficient funds) instead of being captured. */
    synchronized int failNextCharges(int count) {
        failNext += count;
        return failNext;
    }

    /** Captures (or fails) every PENDING charge whose due date has come by the local clock; their webhooks. */
    synchronized List<VippsEvent> settleDue() {
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        List<VippsEvent> events = new ArrayList<>();
        for (Agreement agreement : agreements.values()) {
            for (Charge charge : agreement.charges.values()) {
                if (!"PENDING".equals(charge.status) || charge.due.isAfter(today)) {
                    continue;
                }
                boolean fail = failNext > 0;
                if (fail) {
                    failNext--;
                    charge.status = "FAILED";
                    charge.failureReason = "insufficient_funds";
                    charge.failureDescription = "Payment was declined by the payer bank due to insufficient funds";
                } else {
                    charge.status = "CHARGED";
                }
                events.add(chargeEvent(charge, fail ? "recurring.charge-failed.v1" : "recurring.charge-captured.v1"));
            }
        }
        return events;
    }

    private VippsEvent chargeEvent(Charge charge, String type) {
        ObjectNode payload = SandboxHttp.JSON.createObjectNode();
        payload.put("agreementId", charge.agreementId);
        payload.putNull("agreementExternalId");
        payload.put("chargeId", charge.id);
        payload.putNull("chargeExternalId");
        payload.put("chargeType", "RECURRING");
        payload.put("amount", charge.amountOre);
        payload.put("currency", "NOK");
        payload.put("eventType", type);
        payload.put("occurred", clock.instant().toString());
        payload.put("failureReason", charge.failureReason);
        payload.put("failureDescription", charge.failureDescription);
        return new VippsEvent(type, payload);
    }

    private ObjectNode created(Agreement agreement) {
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("agreementId", agreement.id);
        answer.put("vippsConfirmationUrl", pagesBase + "/agreement/" + agreement.id);
        answer.put("uuid", agreement.uuid);
        return answer;
    }

    private static ObjectNode json(Agreement agreement) {
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("id", agreement.id);
        answer.put("uuid", agreement.uuid);
        answer.put("status", agreement.status);
        answer.put("productName", agreement.productName);
        answer.putObject("pricing").put("type", "LEGACY").put("amount", agreement.amountOre).put("currency", "NOK");
        answer.putObject("interval").put("unit", agreement.intervalUnit).put("count", agreement.intervalCount);
        answer.put("merchantRedirectUrl", agreement.merchantRedirectUrl);
        answer.put("merchantAgreementUrl", agreement.merchantAgreementUrl);
        answer.put("start", agreement.start);
        answer.put("stop", agreement.stop);
        return answer;
    }

    private static ObjectNode json(Charge charge) {
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("id", charge.id);
        answer.put("agreementId", charge.agreementId);
        answer.put("status", charge.status);
        answer.put("type", "RECURRING");
        answer.put("transactionType", charge.transactionType);
        answer.put("amount", charge.amountOre);
        answer.put("currency", "NOK");
        answer.put("description", charge.description);
        answer.put("due", charge.due.toString());
        answer.put("retryDays", charge.retryDays);
        answer.put("failureReason", charge.failureReason);
        answer.put("failureDescription", charge.failureDescription);
        return answer;
    }

    private Agreement find(String agreementId) {
        Agreement agreement = agreements.get(agreementId);
        if (agreement == null) {
            throw new VippsProblem(404, "agreementId", "no such agreement for this merchant");
        }
        return agreement;
    }

    private static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** One agreement; guarded by the enclosing instance's lock. */
    private static final class Agreement {
        final String id;
        final String uuid;
        final String productName;
        final long amountOre;
        final String intervalUnit;
        final int intervalCount;
        final String merchantRedirectUrl;
        final String merchantAgreementUrl;
        final String phone;
        final Map<String, Charge> charges = new LinkedHashMap<>();
        String status = "PENDING";
        String start;
        String stop;

        Agreement(String id, String uuid, String productName, long amountOre, String intervalUnit, int intervalCount,
                  String merchantRedirectUrl, String merchantAgreementUrl, String phone) {
            this.id = id;
            this.uuid = uuid;
            this.productName = productName;
            this.amountOre = amountOre;
            this.intervalUnit = intervalUnit;
            this.intervalCount = intervalCount;
            this.merchantRedirectUrl = merchantRedirectUrl;
            this.merchantAgreementUrl = merchantAgreementUrl;
            this.phone = phone;
        }
    }

    /** One charge; guarded by the enclosing instance's lock. */
    private static final class Charge {
        final String id;
        final String agreementId;
        final long amountOre;
        final String description;
        final LocalDate due;
        final int retryDays;
        final String transactionType;
        String status = "PENDING";
        String failureReason;
        String failureDescription;

        Charge(String id, String agreementId, long amountOre, String description, LocalDate due, int retryDays,
               String transactionType) {
            this.id = id;
            this.agreementId = agreementId;
            this.amountOre = amountOre;
            this.description = description;
            this.due = due;
            this.retryDays = retryDays;
            this.transactionType = transactionType;
        }
    }
}
