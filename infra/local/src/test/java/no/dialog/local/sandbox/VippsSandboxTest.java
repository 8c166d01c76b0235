package no.dialog.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.local.lambda.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vipps sandbox on a real local gateway, called over HTTP as Dialog's client calls Vipps; its webhooks
 * go to a small receiver in this test, which checks the signature with its own HMAC computation.
 */
class VippsSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final Outbox OUTBOX = new Outbox();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final ConcurrentLinkedQueue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();
    private static LocalClock clock;
    private static LocalHttpGateway gateway;
    private static HttpServer receiver;
    private static VippsSandbox sandbox;

    /** One webhook as the receiver got it. */
    record Received(String path, String host, String date, String contentHash, String authorization, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        clock = LocalClock.fixedAt(Instant.parse("2026-11-23T12:00:00Z"));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            RECEIVED.add(new Received(exchange.getRequestURI().toString(), h.getFirst("Host"), h.getFirst("x-ms-date"),
                    h.getFirst("x-ms-content-sha256"), h.getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
            Integer status = ANSWERS.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        gateway = LocalHttpGateway.builder().port(0).clock(clock).build().start();
        URI webhookBase = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/");
        sandbox = new VippsSandbox(OUTBOX, clock, gateway.baseUri(), webhookBase, "demo", "Demo Organisation",
                List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));
        gateway.mount(VippsSandbox.MOUNT, sandbox);
        gateway.mount(VippsLocalControls.MOUNT, new VippsLocalControls(sandbox));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        gateway.close();
        receiver.stop(0);
    }

    @BeforeEach
    void answerWebhooksWith200() {
        ANSWERS.clear();
    }

    // --- access token and the headers every call needs

    @Test
    void theAccessTokenNeedsTheDevKeysAndAnswersAsVippsDoes() throws Exception {
        HttpResponse<String> wrong = tokenRequest(VippsSandbox.DEV_CLIENT_ID, "guess", VippsSandbox.DEV_SUBSCRIPTION_KEY,
                VippsSandbox.DEV_MSN);
        HttpResponse<String> otherMerchant = tokenRequest(VippsSandbox.DEV_CLIENT_ID, VippsSandbox.DEV_CLIENT_SECRET,
                VippsSandbox.DEV_SUBSCRIPTION_KEY, "999999");
        HttpResponse<String> right = tokenRequest(VippsSandbox.DEV_CLIENT_ID, VippsSandbox.DEV_CLIENT_SECRET,
                VippsSandbox.DEV_SUBSCRIPTION_KEY, VippsSandbox.DEV_MSN);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("status").asInt()).isEqualTo(401);
        assertThat(otherMerchant.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        JsonNode token = json(right);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asText()).isEqualTo("3600");
        assertThat(token.get("access_token").asText()).isNotBlank();
        assertThat(token.get("expires_on").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
    }

    @Test
    void apiCallsAreRefusedWithoutTokenSubscriptionKeyOrTheMerchantsMsn() throws Exception {
        String token = token();
        String path = "/epayment/v1/payments/unknown-ref-1";

        assertThat(call("GET", path, null, null, null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(call("GET", path, null, "Bearer not-a-token", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(call("GET", path, null, "Bearer " + token, null,
                Map.of("Ocp-Apim-Subscription-Key", "guess", "Merchant-Serial-Number", VippsSandbox.DEV_MSN))
                .statusCode()).isEqualTo(401);
        assertThat(call("GET", path, null, "Bearer " + token, null,
                Map.of("Ocp-Apim-Subscription-Key", VippsSandbox.DEV_SUBSCRIPTION_KEY, "Merchant-Serial-Number", "999999"))
                .statusCode()).isEqualTo(403);
        assertThat(api("GET", path, null, null, token).statusCode()).as("authorised: the payment is unknown")
                .isEqualTo(404);
    }

    @Test
    void aTokenExpiresAfterAnHourOfTheLocalClock() throws Exception {
        String token = token();
        assertThat(api("GET", "/epayment/v1/payments/unknown-ref-2", null, null, token).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(61));

        assertThat(api("GET", "/epayment/v1/payments/unknown-ref-2", null, null, token).statusCode()).isEqualTo(401);
    }

    // --- ePayment

    @Test
    void creatingAPaymentIsIdempotentAndAReusedReferenceIsAConflict() throws Exception {
        String reference = newReference();
        ObjectNode order = payment(reference, 15_000);

        HttpResponse<String> first = api("POST", "/epayment/v1/payments", order, "key-" + reference, token());
        HttpResponse<String> again = api("POST", "/epayment/v1/payments", order, "key-" + reference, token());
        HttpResponse<String> otherKey = api("POST", "/epayment/v1/payments", order, "other-" + reference, token());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("reference").asText()).isEqualTo(reference);
        assertThat(json(first).get("redirectUrl").asText())
                .isEqualTo(gateway.baseUri().resolve("/sandbox/vipps/approve/" + reference).toString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(otherKey.statusCode()).isEqualTo(409);
        assertThat(otherKey.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(otherKey).get("extraDetails").get(0).get("name").asText()).isEqualTo("reference");
        JsonNode state = json(api("GET", "/epayment/v1/payments/" + reference, null, null, token()));
        assertThat(state.get("state").asText()).isEqualTo("CREATED");
        assertThat(state.get("amount").get("value").asLong()).isEqualTo(15_000);
    }

    @Test
    void invalidPaymentsAre400ProblemsThatNameTheFieldAndReason() throws Exception {
        Map<String, ObjectNode> cases = new java.util.LinkedHashMap<>();
        cases.put("reference", payment("short", 100));
        cases.put("amount.value", payment(newReference(), 0));
        ObjectNode euro = payment(newReference(), 100);
        ((ObjectNode) euro.get("amount")).put("currency", "EUR");
        cases.put("amount.currency", euro);
        cases.put("userFlow", payment(newReference(), 100).put("userFlow", "PUSH_MESSAGE"));

        for (Map.Entry<String, ObjectNode> c : cases.entrySet()) {
            HttpResponse<String> response = api("POST", "/epayment/v1/payments", c.getValue(), UUID.randomUUID()
                    .toString(), token());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode detail = json(response).get("extraDetails").get(0);
            assertThat(detail.get("name").asText()).isEqualTo(c.getKey());
            assertThat(detail.get("reason").asText()).isNotBlank();
        }
        HttpResponse<String> noKey = api("POST", "/epayment/v1/payments", payment(newReference(), 100), null, token());
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json(noKey).get("extraDetails").get(0).get("name").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void approvingOnThePageAuthorizesRedirectsAndSendsASignedWebhook() throws Exception {
        String reference = newReference();
        String redirect = json(api("POST", "/epayment/v1/payments", payment(reference, 15_000), "k-" + reference,
                token())).get("redirectUrl").asText();

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(redirect)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Organisation", "kr 150,00", "value=\"approve\"", "value=\"reject\"",
                "<form method=\"post\"").doesNotContain("<script");

        HttpResponse<String> approved = decide(redirect, "approve");

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location")).contains("https://demo.example/gift/return?r=" + reference);
        JsonNode state = json(api("GET", "/epayment/v1/payments/" + reference, null, null, token()));
        assertThat(state.get("state").asText()).isEqualTo("AUTHORIZED");
        assertThat(state.get("aggregate").get("authorizedAmount").get("value").asLong()).isEqualTo(15_000);
        Received webhook = awaitWebhook(reference, "AUTHORIZED");
        assertThat(webhook.path()).isEqualTo("/webhooks/vipps/demo");
        assertSignedByVipps(webhook);
        JsonNode body = webhook.json();
        assertThat(body.get("msn").asText()).isEqualTo(VippsSandbox.DEV_MSN);
        assertThat(body.get("amount").get("value").asLong()).isEqualTo(15_000);
        assertThat(body.get("amount").get("currency").asText()).isEqualTo("NOK");
        assertThat(body.get("pspReference").asText()).isEqualTo(state.get("pspReference").asText());
        assertThat(body.get("idempotencyKey").asText()).isEqualTo("k-" + reference);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("timestamp").asText())).isEqualTo(clock.instant());
    }

    @Test
    void rejectingAbortsAndAClickTwiceSendsNoSecondWebhook() throws Exception {
        String reference = newReference();
        String redirect = json(api("POST", "/epayment/v1/payments", payment(reference, 5_000), "k-" + reference,
                token())).get("redirectUrl").asText();

        HttpResponse<String> rejected = decide(redirect, "reject");
        HttpResponse<String> again = decide(redirect, "approve");

        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(json(api("GET", "/epayment/v1/payments/" + reference, null, null, token())).get("state").asText())
                .isEqualTo("ABORTED");
        awaitWebhook(reference, "ABORTED");
        // Webhooks go out in order: once a later payment's webhook is in, a second one for this would be too.
        String later = newReference();
        decide(json(api("POST", "/epayment/v1/payments", payment(later, 100), "k-" + later, token()))
                .get("redirectUrl").asText(), "approve");
        awaitWebhook(later, "AUTHORIZED");
        assertThat(webhooksFor(reference)).hasSize(1);
    }

    @Test
    void captureKeepsTheStateAuthorizedCountsTheAmountOnceAndSendsCaptured() throws Exception {
        String reference = newReference();
        String redirect = json(api("POST", "/epayment/v1/payments", payment(reference, 20_000), "k-" + reference,
                token())).get("redirectUrl").asText();
        ObjectNode early = JSON.createObjectNode();
        early.putObject("modificationAmount").put("currency", "NOK").put("value", 20_000);
        assertThat(api("POST", "/epayment/v1/payments/" + reference + "/capture", early, "c0-" + reference, token())
                .statusCode()).as("a CREATED payment cannot be captured").isEqualTo(400);
        decide(redirect, "approve");

        HttpResponse<String> capture = api("POST", "/epayment/v1/payments/" + reference + "/capture", early,
                "c1-" + reference, token());
        HttpResponse<String> retry = api("POST", "/epayment/v1/payments/" + reference + "/capture", early,
                "c1-" + reference, token());
        HttpResponse<String> tooMuch = api("POST", "/epayment/v1/payments/" + reference + "/capture", early,
                "c2-" + reference, token());

        assertThat(capture.statusCode()).isEqualTo(200);
        assertThat(json(retry)).isEqualTo(json(capture));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        JsonNode state = json(api("GET", "/epayment/v1/payments/" + reference, null, null, token()));
        assertThat(state.get("state").asText()).isEqualTo("AUTHORIZED");
        assertThat(state.get("aggregate").get("capturedAmount").get("value").asLong()).isEqualTo(20_000);
        Received captured = awaitWebhook(reference, "CAPTURED");
        assertSignedByVipps(captured);
        assertThat(captured.json().get("idempotencyKey").asText()).isEqualTo("c1-" + reference);
        assertThat(captured.json().get("amount").get("value").asLong()).isEqualTo(20_000);
    }

    @Test
    void aWebhookAnsweredWith500IsRetriedAndTheDeliveryIsRecorded() throws Exception {
        String reference = newReference();
        String redirect = json(api("POST", "/epayment/v1/payments", payment(reference, 7_000), "k-" + reference,
                token())).get("redirectUrl").asText();
        ANSWERS.add(500);

        decide(redirect, "approve");

        Await.until("the webhook is delivered on the second attempt", () -> sandbox.webhookDeliveries().stream()
                .anyMatch(d -> d.body().contains(reference) && d.status().equals("DELIVERED")));
        VippsWebhookDelivery delivery = sandbox.webhookDeliveries().stream()
                .filter(d -> d.body().contains(reference)).findFirst().orElseThrow();
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.eventType()).isEqualTo("epayments.payment.authorized.v1");
        assertThat(webhooksFor(reference)).hasSize(2);
        Await.until("the delivery is in the outbox", () -> OUTBOX.newest("demo", "vipps", 100).stream()
                .anyMatch(m -> m.text().contains(reference)));
        JsonNode listed = json(HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/local/vipps/webhooks")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(listed.findValuesAsText("id")).contains(delivery.id());
    }

    // --- Recurring

    @Test
    void anAgreementIsActivatedOnThePageAndItsChargesAreCapturedOrFailOnTheDueDate() throws Exception {
        ObjectNode order = JSON.createObjectNode();
        order.putObject("pricing").put("type", "LEGACY").put("amount", 25_000).put("currency", "NOK");
        order.putObject("interval").put("unit", "MONTH").put("count", 1);
        order.put("merchantRedirectUrl", "https://demo.example/monthly/return");
        order.put("merchantAgreementUrl", "https://demo.example/monthly/manage");
        order.put("phoneNumber", "4791234567");
        order.put("productName", "Fast givertjeneste");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> created = api("POST", "/recurring/v3/agreements", order, key, token());

        assertThat(created.statusCode()).isEqualTo(201);
        String agreementId = json(created).get("agreementId").asText();
        assertThat(agreementId).startsWith("agr_");
        assertThat(json(created).get("uuid").asText()).isNotBlank();
        assertThat(json(api("POST", "/recurring/v3/agreements", order, key, token())).get("agreementId").asText())
                .isEqualTo(agreementId);
        String confirmation = json(created).get("vippsConfirmationUrl").asText();
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(confirmation)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("kr 250,00", "Fast givertjeneste", "value=\"approve\"");
        assertThat(charge(agreementId, LocalDate.now(clock.withZone(OSLO)).plusDays(1), "early").statusCode())
                .as("no charge on a PENDING agreement").isEqualTo(400);

        HttpResponse<String> approved = decide(confirmation, "approve");

        assertThat(approved.headers().firstValue("Location")).contains("https://demo.example/monthly/return");
        assertThat(json(api("GET", "/recurring/v3/agreements/" + agreementId, null, null, token())).get("status")
                .asText()).isEqualTo("ACTIVE");
        Received activated = awaitRecurring(agreementId, "recurring.agreement-activated.v1");
        assertSignedByVipps(activated);

        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        HttpResponse<String> dueToday = charge(agreementId, today, "c-today");
        assertThat(dueToday.statusCode()).isEqualTo(400);
        assertThat(json(dueToday).get("extraDetails").get(0).get("name").asText()).isEqualTo("due");
        HttpResponse<String> tomorrow = charge(agreementId, today.plusDays(1), "c-1");
        assertThat(tomorrow.statusCode()).isEqualTo(201);
        String chargeId = json(tomorrow).get("chargeId").asText();
        assertThat(json(charge(agreementId, today.plusDays(1), "c-1")).get("chargeId").asText()).isEqualTo(chargeId);
        assertThat(localPost("/local/vipps/settle-charges", "").get("settled").asInt()).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(localPost("/local/vipps/settle-charges", "").get("settled").asInt()).isEqualTo(1);

        assertThat(json(api("GET", "/recurring/v3/agreements/" + agreementId + "/charges/" + chargeId, null, null,
                token())).get("status").asText()).isEqualTo("CHARGED");
        Received captured = awaitRecurring(chargeId, "recurring.charge-captured.v1");
        assertSignedByVipps(captured);
        assertThat(captured.json().get("agreementId").asText()).isEqualTo(agreementId);
        assertThat(captured.json().get("amount").asLong()).isEqualTo(25_000);

        assertThat(localPost("/local/vipps/fail-next-charge", "").get("failNext").asInt()).isEqualTo(1);
        String failing = json(charge(agreementId, LocalDate.now(clock.withZone(OSLO)).plusDays(1), "c-2"))
                .get("chargeId").asText();
        clock.advance(Duration.ofDays(1));
        assertThat(localPost("/local/vipps/settle-charges", "").get("settled").asInt()).isEqualTo(1);
        Received failed = awaitRecurring(failing, "recurring.charge-failed.v1");
        assertThat(failed.json().get("failureReason").asText()).isEqualTo("insufficient_funds");
        assertThat(json(api("GET", "/recurring/v3/agreements/" + agreementId + "/charges/" + failing, null, null,
                token())).get("status").asText()).isEqualTo("FAILED");
    }

    // --- Donations report

    @Test
    void appGiftsArePagedOldestFirstByTheirTime() throws Exception {
        Instant start = clock.instant().minusMillis(1);
        JsonNode first = localPost("/local/vipps/app-gift",
                "{\"phone\":\"+4791234567\",\"name\":\"Kari Nordmann\",\"amountOre\":20000,\"message\":\"Til skolen\"}");
        JsonNode second = localForm("/local/vipps/app-gift", "phone=92345678&name=Ola+Nordmann&amountOre=5000");
        JsonNode third = localPost("/local/vipps/app-gift", "{\"phone\":\"4793456789\",\"name\":\"Per\",\"amountOre\":100}");
        assertThat(Instant.parse(second.get("paymentDateTimeUtc").asText()))
                .isAfter(Instant.parse(first.get("paymentDateTimeUtc").asText()));

        JsonNode page1 = json(api("GET", "/donations/v1/reports/payments?from=" + start + "&pageSize=2", null,
                null, token()));
        Instant last = Instant.parse(page1.get("payments").get(1).get("paymentDateTimeUtc").asText());
        JsonNode page2 = json(api("GET", "/donations/v1/reports/payments?from=" + last.plusMillis(1) + "&pageSize=2",
                null, null, token()));

        assertThat(page1.get("payments").findValuesAsText("pspReference"))
                .containsExactly(first.get("pspReference").asText(), second.get("pspReference").asText());
        assertThat(page2.get("payments").findValuesAsText("pspReference"))
                .containsExactly(third.get("pspReference").asText());
        JsonNode kari = page1.get("payments").get(0);
        assertThat(kari.get("payer").get("name").asText()).isEqualTo("Kari Nordmann");
        assertThat(kari.get("payer").get("phoneNumber").asText()).isEqualTo("4791234567");
        assertThat(kari.get("amount").asLong()).isEqualTo(20_000);
        assertThat(kari.get("recipientHandle").asText()).isEqualTo("NO:" + VippsSandbox.DEV_MSN);
        assertThat(kari.get("message").asText()).isEqualTo("Til skolen");
        assertThat(page1.get("payments").get(1).get("payer").get("phoneNumber").asText()).isEqualTo("4792345678");
        Instant firstAt = Instant.parse(first.get("paymentDateTimeUtc").asText());
        JsonNode upToFirst = json(api("GET", "/donations/v1/reports/payments?to=" + firstAt, null, null, token()));
        assertThat(upToFirst.get("payments").findValuesAsText("pspReference"))
                .containsExactly(first.get("pspReference").asText());
        assertThat(api("GET", "/donations/v1/reports/payments?pageSize=1001", null, null, token()).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/donations/v1/reports/payments", null, null, null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAppGiftWithoutNameOrWithABadPhoneIsRefused() throws Exception {
        HttpResponse<String> noName = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/local/vipps/app-gift"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"91234567\",\"amountOre\":100}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badPhone = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/local/vipps/app-gift"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"12\",\"name\":\"X\",\"amountOre\":100}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(json(noName).get("extraDetails").get(0).get("name").asText()).isEqualTo("name");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(json(badPhone).get("extraDetails").get(0).get("name").asText()).isEqualTo("phone");
    }

    @Test
    void theDemoTenantSettingsUseTheAgreedKeysAndTheDevMerchant() {
        Map<String, String> settings = VippsSandbox.demoTenantSettings();

        assertThat(settings).containsEntry("vipps.merchantSerialNumber", VippsSandbox.DEV_MSN)
                .containsEntry("vipps.webhookSecret", VippsSandbox.DEV_WEBHOOK_SECRET)
                .containsEntry("vipps.captureAtOnce", "true")
                .containsKeys("vipps.clientId", "vipps.clientSecret", "vipps.subscriptionKey", "vipps.recurringProductName");
        assertThat(VippsSandbox.templateParameters(URI.create("http://localhost:3000/")))
                .containsEntry("VippsBaseUrl", "http://localhost:3000/sandbox/vipps");
    }

    // --- helpers

    /** Checks the webhook as Dialog must: content hash, then the HMAC over method, path, date, host and hash. */
    private static void assertSignedByVipps(Received webhook) throws Exception {
        byte[] body = webhook.body().getBytes(StandardCharsets.UTF_8);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(webhook.contentHash()).isEqualTo(hash);
        String signed = "POST\n" + webhook.path() + "\n" + webhook.date() + ";" + webhook.host() + ";" + hash;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(VippsSandbox.DEV_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertThat(webhook.authorization())
                .isEqualTo("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature);
        assertThat(java.time.ZonedDateTime.parse(webhook.date(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static Received awaitWebhook(String reference, String name) {
        Await.until("the " + name + " webhook of " + reference, () -> find(reference, name) != null);
        return find(reference, name);
    }

    private static Received find(String reference, String name) {
        for (Received r : RECEIVED) {
            try {
                JsonNode body = r.json();
                if (reference.equals(body.path("reference").asText()) && name.equals(body.path("name").asText())) {
                    return r;
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return null;
    }

    private static Received awaitRecurring(String id, String eventType) {
        Await.until("the " + eventType + " webhook of " + id, () -> RECEIVED.stream()
                .anyMatch(r -> r.body().contains("\"" + id + "\"") && r.body().contains(eventType)));
        return RECEIVED.stream().filter(r -> r.body().contains("\"" + id + "\"") && r.body().contains(eventType))
                .findFirst().orElseThrow();
    }

    private static List<Received> webhooksFor(String reference) {
        List<Received> found = new ArrayList<>();
        for (Received r : RECEIVED) {
            if (r.body().contains("\"" + reference + "\"")) {
                found.add(r);
            }
        }
        return found;
    }

    private static ObjectNode payment(String reference, long ore) {
        ObjectNode order = JSON.createObjectNode();
        order.putObject("amount").put("currency", "NOK").put("value", ore);
        order.putObject("customer").put("phoneNumber", "4791234567");
        order.putObject("paymentMethod").put("type", "WALLET");
        order.put("reference", reference);
        order.put("paymentDescription", "Gave til skolen");
        order.put("returnUrl", "https://demo.example/gift/return?r=" + reference);
        order.put("userFlow", "WEB_REDIRECT");
        return order;
    }

    private static String newReference() {
        return "demo-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private static HttpResponse<String> charge(String agreementId, LocalDate due, String key) throws Exception {
        ObjectNode charge = JSON.createObjectNode();
        charge.put("amount", 25_000).put("transactionType", "DIRECT_CAPTURE").put("description", "Fast gave")
                .put("due", due.toString()).put("retryDays", 3);
        return api("POST", "/recurring/v3/agreements/" + agreementId + "/charges", charge, agreementId + key, token());
    }

    private static HttpResponse<String> decide(String pageUrl, String decision) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pageUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=" + decision)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> tokenRequest(String id, String secret, String key, String msn) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve(VippsSandbox.MOUNT + "/accesstoken/get"))
                .header("client_id", id).header("client_secret", secret).header("Ocp-Apim-Subscription-Key", key)
                .header("Merchant-Serial-Number", msn).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws Exception {
        return json(tokenRequest(VippsSandbox.DEV_CLIENT_ID, VippsSandbox.DEV_CLIENT_SECRET,
                VippsSandbox.DEV_SUBSCRIPTION_KEY, VippsSandbox.DEV_MSN)).get("access_token").asText();
    }

    private static HttpResponse<String> api(String method, String path, JsonNode body, String idempotencyKey,
                                            String token) throws Exception {
        return call(method, path, body, "Bearer " + token, idempotencyKey, Map.of("Ocp-Apim-Subscription-Key",
                VippsSandbox.DEV_SUBSCRIPTION_KEY, "Merchant-Serial-Number", VippsSandbox.DEV_MSN));
    }

    private static HttpResponse<String> call(String method, String path, JsonNode body, String authorization,
                                             String idempotencyKey, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(VippsSandbox.MOUNT + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode localPost(String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return json(response);
    }

    private static JsonNode localForm(String path, String form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
