package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.dialog.local.clock.ClockAdvanceListener;
import no.dialog.local.clock.LocalClock;

/**
 * Vipps MobilePay as a sandbox twin, mounted on the local gateway at {@value #MOUNT}: one merchant
 * ({@link #DEV_MSN}, the tenant given to the constructor) with the dev keys below. It speaks the APIs
 * Dialog uses, so the whole gift flow can be clicked through locally.
 *
 * <ul>
 *   <li>{@code POST /accesstoken/get} with headers {@code client_id}, {@code client_secret},
 *       {@code Ocp-Apim-Subscription-Key} and {@code Merchant-Serial-Number} (the dev values, else 401) answers
 *       {@code {token_type: "Bearer", expires_in: "3600", ext_expires_in, expires_on, not_before, resource,
 *       access_token}} (numbers as strings, as Vipps sends them). The token lasts an hour of the local clock.</li>
 *   <li>Every API call needs {@code Authorization: Bearer <token>} and the subscription key (401 otherwise)
 *       and {@code Merchant-Serial-Number} = {@link #DEV_MSN} (403 otherwise; optional for the Donations
 *       report, whose keys are merchant-level at Vipps).</li>
 *   <li>ePayment v1: {@code POST /epayment/v1/payments} (201 {@code {redirectUrl, reference}}),
 *       {@code GET /epayment/v1/payments/{reference}}, {@code POST /epayment/v1/payments/{reference}/capture}
 *       ({@code {modificationAmount}}); see {@link VippsEPayments}. The redirectUrl is the page
 *       {@code /sandbox/vipps/approve/{reference}}; Approve makes the payment AUTHORIZED, Reject ABORTED, each
 *       with its webhook, then 303 to the payment's {@code returnUrl}.</li>
 *   <li>Recurring v3: {@code POST /recurring/v3/agreements} (201 {@code {agreementId, vippsConfirmationUrl,
 *       uuid}}), {@code GET /recurring/v3/agreements/{id}}, {@code POST /recurring/v3/agreements/{id}/charges}
 *       (201 {@code {chargeId}}), {@code GET /recurring/v3/agreements/{id}/charges/{chargeId}}; see
 *       {@link VippsRecurring}. The confirmation page is {@code /sandbox/vipps/agreement/{agreementId}}.</li>
 *   <li>Donations report: {@code GET /donations/v1/reports/payments?from=<ISO instant>&to=<ISO instant>
 *       &pageSize=<1-1000>} (defaults: the epoch, no end and 100; both ends inclusive) answers
 *       {@code {from, to, payments: [{recipientHandle, paymentDateTimeUtc, amount, currency, externalReference,
 *       agreementId, pspReference, message, payer: {name, phoneNumber}}]}}, oldest first, as Vipps documents it
 *       ({@code pageSize} is modelled; see docs/providers/vipps.md); ask for the next page from the last
 *       entry's time.</li>
 *   <li>Errors are problem JSON ({@link VippsProblem}): 400 names the field in {@code extraDetails[0].name} with
 *       the reason; 409 when a reference or idempotency key is reused for something else.</li>
 * </ul>
 *
 * <p>Webhooks (ePayment {@code epayments.payment.*.v1}; Recurring {@code recurring.agreement-*.v1},
 * {@code recurring.charge-*.v1}) go to {@code <webhookBase>/webhooks/vipps/<tenant>}, signed with
 * {@link #DEV_WEBHOOK_SECRET} as Vipps signs, after the answer, retried on non-2xx; see
 * {@link VippsWebhookSender}. Charges fall due by the local clock: checked on every request to the sandbox,
 * on every clock advance and on a timer once {@link #startSettling} runs, and on
 * {@code POST /local/vipps/settle-charges} ({@link VippsLocalControls}).
 */
public final class VippsSandbox implements HttpHandler, AutoCloseable {

    public static final String MOUNT = "/sandbox/vipps";
    public static final String DEV_CLIENT_ID = "dialog-local-vipps-client";
    public static final String DEV_CLIENT_SECRET = "local-dev-vipps-client-secret-0123456789";
    public static final String DEV_SUBSCRIPTION_KEY = "local-dev-vipps-subscription-key-0123";
    public static final String DEV_MSN = "424242";
    public static final String DEV_WEBHOOK_SECRET = "local-dev-vipps-webhook-secret-0123456789abcdef";
    /** The product name of regular donors' agreements in the demo tenant. */
    public static final String DEV_RECURRING_PRODUCT = "Fast givertjeneste";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** The waits between webhook attempts in the local stack (4 attempts in all). */
    public static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    private final Clock clock;
    private final String tenant;
    private final String merchantName;
    private final URI webhookUrl;
    private final VippsWebhookSender webhooks;
    private final VippsEPayments payments;
    private final VippsRecurring recurring;
    private final VippsDonationsReport donations;
    private final Map<String, Instant> tokens = new HashMap<>();
    private ScheduledExecutorService settler;
    private ClockAdvanceListener advanceListener;

    /** The local stack's sandbox: its pages and the webhooks on one gateway. */
    public VippsSandbox(Outbox outbox, Clock clock, URI gatewayBase, String tenant, String merchantName) {
        this(outbox, clock, gatewayBase, gatewayBase, tenant, merchantName, BACKOFF);
    }

    /**
     * @param publicBase   where the sandbox is mounted (its pages' URLs start with {@code publicBase + MOUNT})
     * @param webhookBase  where webhooks go: {@code webhookBase + /webhooks/vipps/<tenant>}
     * @param tenant       the tenant whose merchant is {@link #DEV_MSN}
     * @param merchantName shown on the approve pages
     * @param backoff      the waits between webhook attempts
     */
    public VippsSandbox(Outbox outbox, Clock clock, URI publicBase, URI webhookBase, String tenant, String merchantName,
                        List<Duration> backoff) {
        this.clock = clock;
        this.tenant = tenant;
        this.merchantName = merchantName;
        this.webhookUrl = webhookBase.resolve("/webhooks/vipps/" + tenant);
        URI pagesBase = publicBase.resolve(MOUNT);
        this.webhooks = new VippsWebhookSender(outbox, clock, backoff);
        this.payments = new VippsEPayments(DEV_MSN, clock, pagesBase);
        this.recurring = new VippsRecurring(clock, pagesBase);
        this.donations = new VippsDonationsReport(clock, DEV_MSN);
    }

    /** The template parameters that point Dialog's Vipps client at this sandbox on a gateway at {@code gatewayBase}. */
    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("VippsBaseUrl", gatewayBase.resolve(MOUNT).toString());
        // Locally the keys and webhook secret are the demo tenant's settings (demoTenantSettings), not Secrets Manager.
        parameters.put("VippsSettingsSource", "tenant-settings");
        return parameters;
    }

    /** The demo tenant's Vipps settings (the agreed keys), pointing at this sandbox's dev merchant. */
    public static Map<String, String> demoTenantSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("vipps.clientId", DEV_CLIENT_ID);
        settings.put("vipps.clientSecret", DEV_CLIENT_SECRET);
        settings.put("vipps.subscriptionKey", DEV_SUBSCRIPTION_KEY);
        settings.put("vipps.merchantSerialNumber", DEV_MSN);
        settings.put("vipps.webhookSecret", DEV_WEBHOOK_SECRET);
        settings.put("vipps.captureAtOnce", "true");
        settings.put("vipps.recurringProductName", DEV_RECURRING_PRODUCT);
        return settings;
    }

    /**
     * Lets charges fall due without anyone asking: on every advance of a {@link LocalClock} and every
     * {@code every} of real time.
     */
    public synchronized void startSettling(Duration every) {
        if (settler != null) {
            return;
        }
        settler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vipps-sandbox-charges");
            t.setDaemon(true);
            return t;
        });
        settler.scheduleWithFixedDelay(this::settleQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        if (clock instanceof LocalClock) {
            advanceListener = advance -> settleQuietly();
            ((LocalClock) clock).addListener(advanceListener);
        }
    }

    /** Captures (or fails) the charges due by the local clock and sends their webhooks; how many. */
    public int settleDueCharges() {
        List<VippsEvent> events = recurring.settleDue();
        send(events);
        return events.size();
    }

    /** The next {@code count} charges that fall due fail; how many are now set to fail. */
    public int failNextCharges(int count) {
        return recurring.failNextCharges(count);
    }

    /** A gift "made in the app" to the merchant's Vipps number, in the Donations report at the local clock's time. */
    public ObjectNode addAppGift(String phone, String name, long amountOre, String message) {
        return donations.add(phone, name, amountOre, message);
    }

    /** The webhooks sent, newest first. */
    public List<VippsWebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Where this merchant's webhooks go. */
    public URI webhookUrl() {
        return webhookUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        String method = exchange.getRequestMethod();
        try {
            settleDueCharges();
            if (path.equals("/accesstoken/get")) {
                requireMethod(method, "POST");
                token(exchange);
            } else if (path.startsWith("/approve/")) {
                paymentPage(exchange, path.substring("/approve/".length()), method);
            } else if (path.startsWith("/agreement/")) {
                agreementPage(exchange, path.substring("/agreement/".length()), method);
            } else if (path.startsWith("/epayment/v1/payments")) {
                authorize(exchange, true);
                ePayment(exchange, path.substring("/epayment/v1/payments".length()), method);
            } else if (path.startsWith("/recurring/v3/agreements")) {
                authorize(exchange, true);
                recurring(exchange, path.substring("/recurring/v3/agreements".length()), method);
            } else if (path.equals("/donations/v1/reports/payments")) {
                authorize(exchange, false);
                requireMethod(method, "GET");
                donationsPage(exchange);
            } else {
                throw new VippsProblem(404, "no such endpoint in the Vipps sandbox");
            }
        } catch (VippsProblem problem) {
            byte[] bytes = SandboxHttp.JSON.writeValueAsBytes(problem.body(exchange.getRequestURI().getPath()));
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(problem.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        boolean ok = same(DEV_CLIENT_ID, headers.getFirst("client_id"))
                & same(DEV_CLIENT_SECRET, headers.getFirst("client_secret"))
                & same(DEV_SUBSCRIPTION_KEY, headers.getFirst("Ocp-Apim-Subscription-Key"))
                & same(DEV_MSN, headers.getFirst("Merchant-Serial-Number"));
        if (!ok) {
            throw new VippsProblem(401, "client_id, client_secret, Ocp-Apim-Subscription-Key or Merchant-Serial-Number"
                    + " is wrong or missing");
        }
        Instant now = clock.instant();
        String token = "sandbox." + SandboxHttp.newId("") + SandboxHttp.newId("");
        synchronized (tokens) {
            tokens.values().removeIf(expiry -> !expiry.isAfter(now));
            tokens.put(token, now.plus(TOKEN_LIFETIME));
        }
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", Long.toString(TOKEN_LIFETIME.toSeconds()));
        answer.put("ext_expires_in", Long.toString(TOKEN_LIFETIME.toSeconds()));
        answer.put("expires_on", Long.toString(now.plus(TOKEN_LIFETIME).getEpochSecond()));
        answer.put("not_before", Long.toString(now.getEpochSecond()));
        answer.put("resource", "00000002-0000-0000-c000-000000000000");
        answer.put("access_token", token);
        SandboxHttp.send(exchange, 200, answer);
    }

    private void authorize(HttpExchange exchange, boolean msnRequired) {
        var headers = exchange.getRequestHeaders();
        if (!same(DEV_SUBSCRIPTION_KEY, headers.getFirst("Ocp-Apim-Subscription-Key"))) {
            throw new VippsProblem(401, "Access denied due to missing or invalid subscription key (Ocp-Apim-Subscription-Key)");
        }
        String authorization = headers.getFirst("Authorization");
        Instant expiry = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            synchronized (tokens) {
                expiry = tokens.get(authorization.substring("Bearer ".length()).strip());
            }
        }
        if (expiry == null || !expiry.isAfter(clock.instant())) {
            throw new VippsProblem(401, "the access token (Authorization: Bearer) is missing, unknown or expired");
        }
        String msn = headers.getFirst("Merchant-Serial-Number");
        if ((msnRequired || msn != null) && !same(DEV_MSN, msn)) {
            throw new VippsProblem(403, "Merchant-Serial-Number is missing or not this key's merchant");
        }
    }

    private void ePayment(HttpExchange exchange, String rest, String method) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (rest.isEmpty() || rest.equals("/")) {
            requireMethod(method, "POST");
            answer(exchange, payments.create(SandboxHttp.json(SandboxHttp.body(exchange)), key));
            return;
        }
        String[] parts = rest.substring(1).split("/");
        if (parts.length == 1) {
            requireMethod(method, "GET");
            answer(exchange, payments.get(parts[0]));
        } else if (parts.length == 2 && parts[1].equals("capture")) {
            requireMethod(method, "POST");
            answer(exchange, payments.capture(parts[0], SandboxHttp.json(SandboxHttp.body(exchange)), key));
        } else {
            throw new VippsProblem(404, "the sandbox's ePayment API has create, get and capture");
        }
    }

    private void recurring(HttpExchange exchange, String rest, String method) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (rest.isEmpty() || rest.equals("/")) {
            requireMethod(method, "POST");
            answer(exchange, recurring.createAgreement(SandboxHttp.json(SandboxHttp.body(exchange)), key));
            return;
        }
        String[] parts = rest.substring(1).split("/");
        if (parts.length == 1) {
            requireMethod(method, "GET");
            answer(exchange, recurring.agreement(parts[0]));
        } else if (parts.length == 2 && parts[1].equals("charges")) {
            requireMethod(method, "POST");
            answer(exchange, recurring.createCharge(parts[0], SandboxHttp.json(SandboxHttp.body(exchange)), key));
        } else if (parts.length == 3 && parts[1].equals("charges")) {
            requireMethod(method, "GET");
            answer(exchange, recurring.charge(parts[0], parts[2]));
        } else {
            throw new VippsProblem(404, "the sandbox's Recurring API has agreements (create, get) and charges (create, get)");
        }
    }

    private void donationsPage(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = SandboxHttp.query(exchange);
        Instant from = instant(query, "from", Instant.EPOCH);
        Instant to = instant(query, "to", Instant.MAX);
        int size;
        try {
            String given = SandboxHttp.first(query, "pageSize");
            size = given == null || given.isEmpty() ? 100 : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw VippsProblem.badRequest("pageSize", "must be a number 1-" + VippsDonationsReport.MAX_PAGE);
        }
        SandboxHttp.send(exchange, 200, donations.page(from, to, size));
    }

    private static Instant instant(Map<String, List<String>> query, String name, Instant otherwise) {
        String given = SandboxHttp.first(query, name);
        if (given == null || given.isEmpty()) {
            return otherwise;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw VippsProblem.badRequest(name, "must be an ISO-8601 instant, e.g. 2026-11-23T12:00:00Z");
        }
    }

    private void paymentPage(HttpExchange exchange, String reference, String method) throws IOException {
        var view = payments.view(reference);
        if (view.isEmpty()) {
            html(exchange, 404, VippsPages.notFound("Ingen betaling med denne referansen."));
            return;
        }
        if ("GET".equals(method)) {
            html(exchange, 200, VippsPages.payment(merchantName, view.get(), MOUNT + "/approve/" + reference));
            return;
        }
        requireMethod(method, "POST");
        VippsEPayments.Decision decision = payments.decide(reference, approved(exchange));
        redirect(exchange, decision.redirectTo());
        send(decision.events());
    }

    private void agreementPage(HttpExchange exchange, String agreementId, String method) throws IOException {
        var view = recurring.view(agreementId);
        if (view.isEmpty()) {
            html(exchange, 404, VippsPages.notFound("Ingen avtale med denne id-en."));
            return;
        }
        if ("GET".equals(method)) {
            html(exchange, 200, VippsPages.agreement(merchantName, view.get(), MOUNT + "/agreement/" + agreementId));
            return;
        }
        requireMethod(method, "POST");
        VippsEPayments.Decision decision = recurring.decide(agreementId, approved(exchange));
        redirect(exchange, decision.redirectTo());
        send(decision.events());
    }

    private static boolean approved(HttpExchange exchange) throws IOException {
        String decision = SandboxHttp.first(SandboxHttp.form(SandboxHttp.body(exchange)), "decision");
        if ("approve".equals(decision)) {
            return true;
        }
        if ("reject".equals(decision)) {
            return false;
        }
        throw VippsProblem.badRequest("decision", "must be approve or reject");
    }

    /** Answers first, then sends the webhooks (Vipps tells the merchant after the person has been answered). */
    private void answer(HttpExchange exchange, VippsOutcome outcome) throws IOException {
        SandboxHttp.send(exchange, outcome.status(), outcome.body());
        send(outcome.events());
    }

    private void send(List<VippsEvent> events) {
        for (VippsEvent event : events) {
            try {
                webhooks.send(tenant, event.eventType(), webhookUrl, DEV_WEBHOOK_SECRET,
                        SandboxHttp.JSON.writeValueAsString(event.payload()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a webhook payload could not be written", e);
            }
        }
    }

    private void settleQuietly() {
        try {
            settleDueCharges();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(VippsSandbox.class).warn("settling Vipps sandbox charges failed", e);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new VippsProblem(405, "use " + expected);
        }
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        if (settler != null) {
            settler.shutdownNow();
        }
        if (advanceListener != null) {
            ((LocalClock) clock).removeListener(advanceListener);
        }
        webhooks.close();
    }
}
