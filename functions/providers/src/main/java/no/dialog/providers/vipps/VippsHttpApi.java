package no.dialog.providers.vipps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import no.dialog.core.payment.vipps.VippsApi;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsException;
import no.dialog.providers.ProviderAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VippsApi} on Vipps MobilePay's REST APIs (docs/providers/vipps.md): the access token
 * ({@code POST /accesstoken/get}), ePayment v1, Recurring v3 and the Donations report.
 *
 * <p>Every call carries {@code Authorization: Bearer}, {@code Ocp-Apim-Subscription-Key},
 * {@code Merchant-Serial-Number} and the four {@code Vipps-System-*} headers; every creating call carries the
 * caller's {@code Idempotency-Key}, so a retry after a timeout never creates a second payment, agreement or
 * charge. Tokens are cached per API client by {@link VippsAccessTokens}.
 *
 * <p>How answers map:
 * <ul>
 *   <li>2xx: the result.</li>
 *   <li>401 on an API call: the cached token is dropped and the call is made once more with a new one (Vipps may
 *       revoke a token before it expires); a second 401 is final.</li>
 *   <li>408, 429, 5xx, no answer in time, no connection, a broken connection: {@link VippsException} with
 *       {@code retryable} true. Nothing is retried here; the caller retries with the same idempotency key.</li>
 *   <li>Any other 4xx: {@link VippsException} with {@code retryable} false, the status and Vipps' problem
 *       {@code title} (masked by {@link ProviderAnswers}); never the body's {@code detail} or
 *       {@code extraDetails}, which may echo a phone number or a name.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per function.
 */
public final class VippsHttpApi implements VippsApi {

    static final String NOK = "NOK";
    static final int MAX_DONATIONS_PAGE = 1_000;
    static final int PRODUCT_NAME_MAX = 45;
    static final int CHARGE_DESCRIPTION_MAX = 45;
    static final int RETRY_DAYS_MAX = 14;
    /** Vipps' rule for ePayment references: unique per merchant. */
    private static final Pattern REFERENCE = Pattern.compile("[a-zA-Z0-9-]{8,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(VippsHttpApi.class);

    private final VippsClientSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final VippsAccessTokens tokens;

    public VippsHttpApi(VippsClientSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public VippsHttpApi(VippsClientSettings settings, Clock clock) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock);
    }

    VippsHttpApi(VippsClientSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.tokens = new VippsAccessTokens(new VippsTokenEndpoint(settings, http, clock), clock);
    }

    // ---- ePayment v1 ----

    @Override
    public CreatedPayment createPayment(VippsCredentials credentials, PaymentOrder order, String idempotencyKey) {
        requireReference(order.reference());
        requirePositive(order.amountOre(), "order.amountOre");
        requireText(order.returnUrl(), "order.returnUrl");
        requireText(idempotencyKey, "idempotencyKey");
        ObjectNode body = JSON.createObjectNode();
        body.set("amount", amount(order.amountOre()));
        String phone = msisdn(order.phone());
        if (phone != null) {
            body.putObject("customer").put("phoneNumber", phone);
        }
        body.putObject("paymentMethod").put("type", "WALLET");
        body.put("reference", order.reference());
        body.put("returnUrl", order.returnUrl());
        body.put("userFlow", "WEB_REDIRECT");
        body.put("paymentDescription", order.description() == null ? "" : order.description());
        JsonNode answer = call(credentials, Call.post("/epayment/v1/payments", body, idempotencyKey,
                "creating a payment"));
        return new CreatedPayment(answer.path("reference").asText(order.reference()),
                required(answer, "redirectUrl", "creating a payment"));
    }

    @Override
    public PaymentState payment(VippsCredentials credentials, String reference) {
        requireReference(reference);
        JsonNode answer = call(credentials, Call.get("/epayment/v1/payments/" + segment(reference),
                "reading a payment"));
        JsonNode aggregate = answer.path("aggregate");
        return new PaymentState(answer.path("reference").asText(reference),
                required(answer, "state", "reading a payment"),
                aggregate.path("authorizedAmount").path("value").asLong(0),
                aggregate.path("capturedAmount").path("value").asLong(0),
                answer.path("pspReference").isTextual() ? answer.path("pspReference").asText() : null);
    }

    @Override
    public void capture(VippsCredentials credentials, String reference, long amountOre, String idempotencyKey) {
        requireReference(reference);
        requirePositive(amountOre, "amountOre");
        requireText(idempotencyKey, "idempotencyKey");
        ObjectNode body = JSON.createObjectNode();
        body.set("modificationAmount", amount(amountOre));
        call(credentials, Call.post("/epayment/v1/payments/" + segment(reference) + "/capture", body,
                idempotencyKey, "capturing a payment"));
    }

    // ---- Recurring v3 ----

    @Override
    public CreatedAgreement createAgreement(VippsCredentials credentials, AgreementOrder order, String idempotencyKey) {
        requirePositive(order.monthlyAmountOre(), "order.monthlyAmountOre");
        requireText(order.productName(), "order.productName");
        requireAtMost(order.productName(), PRODUCT_NAME_MAX, "order.productName");
        requireText(order.merchantRedirectUrl(), "order.merchantRedirectUrl");
        requireText(order.merchantAgreementUrl(), "order.merchantAgreementUrl");
        requireText(idempotencyKey, "idempotencyKey");
        ObjectNode body = JSON.createObjectNode();
        // LEGACY pricing: a fixed amount each interval (VARIABLE would let the donor pick a ceiling).
        body.putObject("pricing").put("type", "LEGACY").put("amount", order.monthlyAmountOre()).put("currency", NOK);
        body.putObject("interval").put("unit", "MONTH").put("count", 1);
        body.put("productName", order.productName());
        body.put("merchantRedirectUrl", order.merchantRedirectUrl());
        body.put("merchantAgreementUrl", order.merchantAgreementUrl());
        String phone = msisdn(order.phone());
        if (phone != null) {
            body.put("phoneNumber", phone);
        }
        JsonNode answer = call(credentials, Call.post("/recurring/v3/agreements", body, idempotencyKey,
                "creating an agreement"));
        return new CreatedAgreement(required(answer, "agreementId", "creating an agreement"),
                required(answer, "vippsConfirmationUrl", "creating an agreement"));
    }

    @Override
    public AgreementState agreement(VippsCredentials credentials, String agreementId) {
        requireText(agreementId, "agreementId");
        JsonNode answer = call(credentials, Call.get("/recurring/v3/agreements/" + segment(agreementId),
                "reading an agreement"));
        JsonNode pricing = answer.path("pricing");
        // LEGACY pricing has the amount; VARIABLE has the ceiling the donor chose.
        long monthly = pricing.path("amount").isNumber() ? pricing.path("amount").asLong()
                : pricing.path("maxAmount").asLong(0);
        return new AgreementState(answer.path("id").asText(agreementId),
                required(answer, "status", "reading an agreement"), monthly);
    }

    @Override
    public String createCharge(VippsCredentials credentials, String agreementId, long amountOre, LocalDate due,
                               int retryDays, String description, String idempotencyKey) {
        requireText(agreementId, "agreementId");
        requirePositive(amountOre, "amountOre");
        if (due == null) {
            throw new IllegalArgumentException("due is required");
        }
        if (retryDays < 0 || retryDays > RETRY_DAYS_MAX) {
            throw new IllegalArgumentException("retryDays is 0 to " + RETRY_DAYS_MAX + ", got " + retryDays);
        }
        requireText(description, "description");
        requireAtMost(description, CHARGE_DESCRIPTION_MAX, "description");
        requireText(idempotencyKey, "idempotencyKey");
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", amountOre);
        body.put("transactionType", "DIRECT_CAPTURE");
        body.put("description", description);
        body.put("due", due.toString());
        body.put("retryDays", retryDays);
        body.put("type", "RECURRING");
        JsonNode answer = call(credentials, Call.post("/recurring/v3/agreements/" + segment(agreementId) + "/charges",
                body, idempotencyKey, "creating a charge"));
        return required(answer, "chargeId", "creating a charge");
    }

    // ---- Donations report ----

    @Override
    public DonationsPage donations(VippsCredentials credentials, Instant capturedAfter, int limit) {
        if (capturedAfter == null) {
            throw new IllegalArgumentException("capturedAfter is required");
        }
        if (limit < 1 || limit > MAX_DONATIONS_PAGE) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_DONATIONS_PAGE + ", got " + limit);
        }
        String query = "?from=" + query(capturedAfter.toString())
                + "&to=" + query(clock.instant().toString())
                + "&pageSize=" + limit
                + "&includeGDPRSensitiveData=" + settings.donationMessages();
        JsonNode answer = call(credentials, Call.get("/donations/v1/reports/payments" + query,
                "reading the Donations report"));
        JsonNode items = answer.path("payments");
        if (!items.isArray()) {
            throw new VippsException("Vipps' Donations report has no payments list", 200, false, null);
        }
        List<Donation> donations = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : items) {
            Donation donation = donation(item);
            if (donation == null) {
                skipped++;
            } else if (donation.capturedAt().isAfter(capturedAfter)) {
                donations.add(donation);
            }
        }
        if (skipped > 0) {
            LOG.warn("skipped {} Donations report entries without pspReference, time or positive amount", skipped);
        }
        donations.sort(Comparator.comparing(Donation::capturedAt));
        return new DonationsPage(List.copyOf(donations), items.size() >= limit);
    }

    /** One report entry, or null when it lacks what a payment needs (its id, time or amount). */
    private static Donation donation(JsonNode item) {
        String reference = item.path("pspReference").isTextual() ? item.path("pspReference").asText() : "";
        Instant capturedAt = instant(item.path("paymentDateTimeUtc").asText(""));
        JsonNode amount = item.path("amount");
        long ore = amount.isObject() ? amount.path("value").asLong(0) : amount.asLong(0);
        if (reference.isBlank() || capturedAt == null || ore <= 0) {
            return null;
        }
        JsonNode payer = item.path("payer");
        return new Donation(reference, textOrNull(payer.path("name")), e164(textOrNull(payer.path("phoneNumber"))),
                ore, capturedAt, textOrNull(item.path("message")));
    }

    // ---- HTTP ----

    /** One API call: its method, path (with query), body and idempotency key, and what it does (for messages). */
    private record Call(String method, String pathAndQuery, JsonNode body, String idempotencyKey, String what) {
        static Call get(String pathAndQuery, String what) {
            return new Call("GET", pathAndQuery, null, null, what);
        }

        static Call post(String path, JsonNode body, String idempotencyKey, String what) {
            return new Call("POST", path, body, idempotencyKey, what);
        }
    }

    private JsonNode call(VippsCredentials credentials, Call call) {
        String token = tokens.token(credentials);
        HttpResponse<String> response = send(request(credentials, token, call), call.what());
        if (response.statusCode() == 401) {
            // Vipps may revoke a token before its expiry: one more try with a fresh one.
            tokens.forget(credentials, token);
            response = send(request(credentials, tokens.token(credentials), call), call.what());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return ProviderAnswers.parse(response.body());
        }
        throw failure(status, response.body(), call.what());
    }

    private HttpRequest request(VippsCredentials credentials, String token, Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + call.pathAndQuery()))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Ocp-Apim-Subscription-Key", credentials.subscriptionKey())
                .header("Merchant-Serial-Number", credentials.merchantSerialNumber())
                .header("Accept", "application/json");
        systemHeaders(builder, settings);
        if (call.idempotencyKey() != null) {
            builder.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().toString(),
                            StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    static void systemHeaders(HttpRequest.Builder builder, VippsClientSettings settings) {
        builder.header("Vipps-System-Name", settings.systemName())
                .header("Vipps-System-Version", settings.systemVersion())
                .header("Vipps-System-Plugin-Name", settings.pluginName())
                .header("Vipps-System-Plugin-Version", settings.pluginVersion());
    }

    /** Sends; a timeout or a connection problem is retryable (status 0: no answer). */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new VippsException("Vipps could not be reached while " + what + " ("
                    + e.getClass().getSimpleName() + ")", 0, true, e);
        } catch (HttpTimeoutException e) {
            throw new VippsException("no answer from Vipps in time while " + what, 0, true, e);
        } catch (IOException e) {
            throw new VippsException("the connection to Vipps broke while " + what + " ("
                    + e.getClass().getSimpleName() + ")", 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VippsException("interrupted while " + what, 0, true, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        return send(http, request, what);
    }

    /** The exception for a non-2xx answer: Vipps' problem title only, masked. */
    static VippsException failure(int status, String body, String what) {
        boolean retryable = status == 408 || status == 429 || status >= 500;
        JsonNode problem = ProviderAnswers.parse(body);
        // RFC 7807 problem (ePayment, Recurring); Azure API Management errors carry responseInfo instead.
        String title = problem.path("title").asText("");
        if (title.isBlank()) {
            title = problem.path("responseInfo").path("responseMessage").asText("");
        }
        if (title.isBlank()) {
            // The token endpoint answers OAuth-style: a short error code (its description is left out).
            title = problem.path("error").asText("");
        }
        String safe = ProviderAnswers.masked(title);
        return new VippsException("Vipps answered HTTP " + status + " while " + what
                + (safe.isEmpty() ? "" : ": " + safe), status, retryable, null);
    }

    // ---- values ----

    private static ObjectNode amount(long ore) {
        return JSON.createObjectNode().put("currency", NOK).put("value", ore);
    }

    /** Vipps takes phone numbers as MSISDN: country code and number, digits only ({@code 4791234567}). */
    static String msisdn(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip().startsWith("+") ? phone.strip().substring(1) : phone.strip();
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() < 8 || digits.length() > 15) {
            throw new IllegalArgumentException("phone must be E.164 (+4791234567)");
        }
        return digits;
    }

    /** Vipps reports MSISDN ({@code 4791234567}); Dialog's contacts use E.164 ({@code +4791234567}). */
    static String e164(String msisdn) {
        if (msisdn == null || msisdn.isBlank()) {
            return null;
        }
        String value = msisdn.strip();
        return value.startsWith("+") ? value : "+" + value;
    }

    private static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String required(JsonNode answer, String field, String what) {
        JsonNode value = answer.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new VippsException("Vipps' answer while " + what + " has no " + field, 200, false, null);
        }
        return value.asText();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requireReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("reference must be 8 to 64 of [a-zA-Z0-9-]");
        }
    }

    private static void requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive (øre), got " + value);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void requireAtMost(String value, int max, String what) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is at most " + max + " characters, got " + value.length());
        }
    }
}
