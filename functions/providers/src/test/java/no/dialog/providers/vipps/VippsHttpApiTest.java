package no.dialog.providers.vipps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import no.dialog.core.payment.vipps.VippsApi;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsException;
import no.dialog.providers.testing.ProviderStubs;
import no.dialog.providers.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Vipps client against WireMock answering with Vipps' documented payloads (events/vipps/api-*.json). */
class VippsHttpApiTest {

    private static final VippsCredentials KEYS = new VippsCredentials("client-1", "secret-1", "sub-key-1", "123456");
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.dGVzdC10b2tlbi0x.c2lnbmF0dXJl";
    private static final String REFERENCE = "demo-gift-0001-7f3a9c";
    private static final String PAYMENTS = "/epayment/v1/payments";
    private static final VippsApi.PaymentOrder ORDER = new VippsApi.PaymentOrder(REFERENCE, 25_000,
            "https://dlg.no/p/xxxxxxxxxxxxxxxxxxxxxx/vipps-return", "Gave til Demo Organisation", "+4791234567");

    @RegisterExtension
    static final WireMockExtension vipps = ProviderStubs.server();

    private final TestClock clock = new TestClock(Instant.parse("2026-01-10T12:00:00Z"));
    private VippsHttpApi api;

    static String payload(String name) {
        return ProviderStubs.payload("vipps", name);
    }

    @BeforeEach
    void setUp() {
        api = new VippsHttpApi(settings(vipps.baseUrl()), clock);
        vipps.stubFor(post(urlEqualTo("/accesstoken/get"))
                .willReturn(ProviderStubs.json(200, payload("api-accesstoken-response.json"))));
    }

    private static VippsClientSettings settings(String baseUrl) {
        return VippsClientSettings.of(baseUrl, "0.1.0");
    }

    private static void answer(String method, String path, int status, String body) {
        var mapping = "GET".equals(method) ? get(urlEqualTo(path)) : post(urlEqualTo(path));
        vipps.stubFor(mapping.willReturn(ProviderStubs.json(status, body)));
    }

    private int tokenCalls() {
        return vipps.findAll(postRequestedFor(urlEqualTo("/accesstoken/get"))).size();
    }

    // ---- the access token ----

    @Test
    void theTokenIsAskedForWithTheApiKeysAsHeaders() {
        answer("GET", PAYMENTS + "/" + REFERENCE, 200, payload("api-get-payment-response.json"));

        api.payment(KEYS, REFERENCE);

        vipps.verify(1, postRequestedFor(urlEqualTo("/accesstoken/get"))
                .withHeader("client_id", equalTo("client-1"))
                .withHeader("client_secret", equalTo("secret-1"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("sub-key-1"))
                .withHeader("Merchant-Serial-Number", equalTo("123456"))
                .withHeader("Vipps-System-Name", equalTo("dialog"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void oneTokenServesManyCalls() {
        answer("GET", PAYMENTS + "/" + REFERENCE, 200, payload("api-get-payment-response.json"));

        for (int i = 0; i < 5; i++) {
            api.payment(KEYS, REFERENCE);
        }

        assertThat(tokenCalls()).isEqualTo(1);
        vipps.verify(5, getRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aNewTokenIsFetchedShortlyBeforeTheOldOneExpires() {
        answer("GET", PAYMENTS + "/" + REFERENCE, 200, payload("api-get-payment-response.json"));
        api.payment(KEYS, REFERENCE);

        clock.advance(Duration.ofMinutes(57)); // expires_in is 3600 s
        api.payment(KEYS, REFERENCE);
        assertThat(tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        api.payment(KEYS, REFERENCE);
        assertThat(tokenCalls()).isEqualTo(2);
    }

    @Test
    void a401DropsTheTokenAndTriesOnceMoreWithANewOne() {
        vipps.stubFor(post(urlEqualTo("/accesstoken/get")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ProviderStubs.json(200, "{\"access_token\":\"old-token\",\"expires_in\":3600}"))
                .willSetStateTo("second"));
        vipps.stubFor(post(urlEqualTo("/accesstoken/get")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(ProviderStubs.json(200, "{\"access_token\":\"new-token\",\"expires_in\":3600}")));
        vipps.stubFor(get(urlEqualTo(PAYMENTS + "/" + REFERENCE)).withHeader("Authorization", equalTo("Bearer old-token"))
                .willReturn(ProviderStubs.json(401, "{\"title\":\"Unauthorized\",\"status\":401}")));
        vipps.stubFor(get(urlEqualTo(PAYMENTS + "/" + REFERENCE)).withHeader("Authorization", equalTo("Bearer new-token"))
                .willReturn(ProviderStubs.json(200, payload("api-get-payment-response.json"))));

        assertThat(api.payment(KEYS, REFERENCE).state()).isEqualTo("AUTHORIZED");
        api.payment(KEYS, REFERENCE);

        assertThat(tokenCalls()).isEqualTo(2);
        vipps.verify(1, getRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE))
                .withHeader("Authorization", equalTo("Bearer old-token")));
        vipps.verify(2, getRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE))
                .withHeader("Authorization", equalTo("Bearer new-token")));
    }

    @Test
    void aSecond401IsFinal() {
        answer("GET", PAYMENTS + "/" + REFERENCE, 401, "{\"title\":\"Unauthorized\",\"status\":401}");

        assertThatThrownBy(() -> api.payment(KEYS, REFERENCE)).isInstanceOfSatisfying(VippsException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.retryable()).isFalse();
        });
        vipps.verify(2, getRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE)));
        assertThat(tokenCalls()).isEqualTo(2);
    }

    @Test
    void refusedApiKeysAreFinalAndNoApiCallIsMade() {
        vipps.stubFor(post(urlEqualTo("/accesstoken/get")).willReturn(ProviderStubs.json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));

        assertThatThrownBy(() -> api.payment(KEYS, REFERENCE)).isInstanceOfSatisfying(VippsException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Vipps answered HTTP 401 while getting an access token: invalid_client")
                    .doesNotContain("secret-1");
        });
        vipps.verify(0, getRequestedFor(urlPathEqualTo(PAYMENTS + "/" + REFERENCE)));
    }

    // ---- ePayment ----

    @Test
    void createsAPaymentWithTheDocumentedRequestAndHeaders() {
        answer("POST", PAYMENTS, 201, payload("api-create-payment-response.json"));

        VippsApi.CreatedPayment created = api.createPayment(KEYS, ORDER, "idem-create-1");

        assertThat(created).isEqualTo(new VippsApi.CreatedPayment(REFERENCE,
                "https://landing.vipps.no/?token=eyJraWQiOiJhcGl0ZXN0LXRva2VuIiwiYWxnIjoiUlMyNTYifQ"));
        vipps.verify(1, postRequestedFor(urlEqualTo(PAYMENTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("sub-key-1"))
                .withHeader("Merchant-Serial-Number", equalTo("123456"))
                .withHeader("Idempotency-Key", equalTo("idem-create-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Vipps-System-Name", equalTo("dialog"))
                .withHeader("Vipps-System-Version", equalTo("0.1.0"))
                .withHeader("Vipps-System-Plugin-Name", equalTo("dialog-payments"))
                .withHeader("Vipps-System-Plugin-Version", equalTo("0.1.0"))
                .withRequestBody(equalToJson(payload("api-create-payment-request.json"))));
    }

    @Test
    void withoutAPhoneNoCustomerIsSent() {
        answer("POST", PAYMENTS, 201, payload("api-create-payment-response.json"));

        api.createPayment(KEYS, new VippsApi.PaymentOrder(REFERENCE, 10_000, ORDER.returnUrl(), null, null), "idem-2");

        String body = vipps.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(PAYMENTS)).findFirst().orElseThrow()
                .getRequest().getBodyAsString();
        assertThat(body).doesNotContain("customer").contains("\"value\":10000").contains("\"paymentDescription\":\"\"");
    }

    @Test
    void readsAPaymentsStateAmountsAndPspReference() {
        answer("GET", PAYMENTS + "/" + REFERENCE, 200, payload("api-get-payment-response.json"));

        assertThat(api.payment(KEYS, REFERENCE)).isEqualTo(new VippsApi.PaymentState(REFERENCE, "AUTHORIZED", 25_000, 0,
                "37c34d8c-2649-448e-864b-060d5d93e4c4"));
        vipps.verify(getRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE))
                .withHeader("Idempotency-Key", absent())
                .withHeader("Merchant-Serial-Number", equalTo("123456")));
    }

    @Test
    void capturesTheAmountInOreWithTheIdempotencyKey() {
        answer("POST", PAYMENTS + "/" + REFERENCE + "/capture", 200, payload("api-capture-response.json"));

        api.capture(KEYS, REFERENCE, 25_000, "idem-capture-1");

        vipps.verify(1, postRequestedFor(urlEqualTo(PAYMENTS + "/" + REFERENCE + "/capture"))
                .withHeader("Idempotency-Key", equalTo("idem-capture-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(payload("api-capture-request.json"))));
    }

    // ---- Recurring ----

    @Test
    void createsAMonthlyAgreement() {
        answer("POST", "/recurring/v3/agreements", 201, payload("api-create-agreement-response.json"));

        VippsApi.CreatedAgreement created = api.createAgreement(KEYS, new VippsApi.AgreementOrder(20_000,
                "Fast givar, Demo Organisation", "https://dlg.no/p/xxxxxxxxxxxxxxxxxxxxxx/vipps-return",
                "https://demo.example.org/min-side/fast-givar", "+4791234567"), "idem-agreement-1");

        assertThat(created).isEqualTo(new VippsApi.CreatedAgreement("agr_5kSeqz",
                "https://apitest.vipps.no/v2/register/U6JUjQXq8HQmmV"));
        vipps.verify(1, postRequestedFor(urlEqualTo("/recurring/v3/agreements"))
                .withHeader("Idempotency-Key", equalTo("idem-agreement-1"))
                .withHeader("Merchant-Serial-Number", equalTo("123456"))
                .withRequestBody(equalToJson(payload("api-create-agreement-request.json"))));
    }

    @Test
    void readsAnAgreementsStatusAndMonthlyAmount() {
        answer("GET", "/recurring/v3/agreements/agr_5kSeqz", 200, payload("api-get-agreement-response.json"));

        assertThat(api.agreement(KEYS, "agr_5kSeqz"))
                .isEqualTo(new VippsApi.AgreementState("agr_5kSeqz", "ACTIVE", 20_000));
    }

    @Test
    void createsADirectCaptureChargeDueOnTheDate() {
        answer("POST", "/recurring/v3/agreements/agr_5kSeqz/charges", 201, payload("api-create-charge-response.json"));

        String chargeId = api.createCharge(KEYS, "agr_5kSeqz", 20_000, LocalDate.of(2026, 2, 1), 5,
                "Fast gave februar", "idem-charge-2026-02");

        assertThat(chargeId).isEqualTo("chr_WCVbcA");
        vipps.verify(1, postRequestedFor(urlEqualTo("/recurring/v3/agreements/agr_5kSeqz/charges"))
                .withHeader("Idempotency-Key", equalTo("idem-charge-2026-02"))
                .withRequestBody(equalToJson(payload("api-create-charge-request.json"))));
    }

    // ---- errors ----

    @Test
    void aBadRequestIsFinalWithVippsTitleAndNoPersonalData() {
        answer("POST", PAYMENTS, 400, payload("api-error-bad-request.json"));

        assertThatThrownBy(() -> api.createPayment(KEYS, ORDER, "idem-bad")).isInstanceOfSatisfying(VippsException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("Vipps answered HTTP 400 while creating a payment: Bad Request")
                            .doesNotContain("91234567");
                });
    }

    @Test
    void serverErrorsAndThrottlingAreRetryable() {
        for (int status : new int[] {500, 502, 503, 429}) {
            answer("POST", PAYMENTS, status, status == 429 ? "{\"title\":\"Too Many Requests\"}" : "");
            assertThatThrownBy(() -> api.createPayment(KEYS, ORDER, "idem-" + status)).as("HTTP " + status)
                    .isInstanceOfSatisfying(VippsException.class, e -> {
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.retryable()).isTrue();
                    });
        }
        // Nothing is retried inside: one call per attempt.
        vipps.verify(4, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void noAnswerInTimeIsRetryable() {
        vipps.stubFor(post(urlEqualTo(PAYMENTS)).willReturn(aResponse().withStatus(201)
                .withBody(payload("api-create-payment-response.json")).withFixedDelay(3_000)));
        VippsHttpApi impatient = new VippsHttpApi(settings(vipps.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)), clock);

        assertThatThrownBy(() -> impatient.createPayment(KEYS, ORDER, "idem-slow"))
                .isInstanceOfSatisfying(VippsException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).isEqualTo("no answer from Vipps in time while creating a payment");
                });
    }

    @Test
    void nobodyListeningIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VippsHttpApi nowhere = new VippsHttpApi(settings("http://127.0.0.1:" + closedPort), clock);

        assertThatThrownBy(() -> nowhere.payment(KEYS, REFERENCE)).isInstanceOfSatisfying(VippsException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void badInputIsRefusedBeforeAnyCallAndNamesTheField() {
        assertThatThrownBy(() -> api.createPayment(KEYS, new VippsApi.PaymentOrder("short", 100, ORDER.returnUrl(),
                null, null), "idem")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThatThrownBy(() -> api.createPayment(KEYS, new VippsApi.PaymentOrder(REFERENCE, 0, ORDER.returnUrl(),
                null, null), "idem")).hasMessageContaining("order.amountOre");
        assertThatThrownBy(() -> api.capture(KEYS, REFERENCE, 100, " ")).hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> api.createCharge(KEYS, "agr_1", 100, LocalDate.of(2026, 2, 1), 15, "x", "idem"))
                .hasMessageContaining("retryDays");
        assertThatThrownBy(() -> api.donations(KEYS, Instant.EPOCH, 1_001)).hasMessageContaining("limit");
        assertThat(vipps.getAllServeEvents()).isEmpty();
    }

    // ---- the Donations report ----

    @Test
    void readsTheDonationsReportPageByPageOldestFirst() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        vipps.stubFor(get(urlPathEqualTo("/donations/v1/reports/payments"))
                .withQueryParam("from", equalTo("2026-01-01T00:00:00Z"))
                .willReturn(ProviderStubs.json(200, payload("api-donations-page-1.json"))));
        vipps.stubFor(get(urlPathEqualTo("/donations/v1/reports/payments"))
                .withQueryParam("from", equalTo("2026-01-02T09:15:00Z"))
                .willReturn(ProviderStubs.json(200, payload("api-donations-page-2.json"))));

        VippsApi.DonationsPage first = api.donations(KEYS, start, 2);

        assertThat(first.more()).isTrue();
        assertThat(first.donations()).containsExactly(
                new VippsApi.Donation("3243012377", "Ola Nordmann", "+4798765432", 50_000,
                        Instant.parse("2026-01-01T18:40:00Z"), null),
                new VippsApi.Donation("3243012398", "Kari Nordmann", "+4791234567", 10_000,
                        Instant.parse("2026-01-02T09:15:00Z"), null));

        VippsApi.DonationsPage second = api.donations(KEYS, first.donations().get(1).capturedAt(), 2);

        assertThat(second.more()).isFalse();
        assertThat(second.donations()).extracting(VippsApi.Donation::reference).containsExactly("3243012455");
        vipps.verify(getRequestedFor(urlPathEqualTo("/donations/v1/reports/payments"))
                .withQueryParam("from", equalTo("2026-01-01T00:00:00Z"))
                .withQueryParam("to", equalTo("2026-01-10T12:00:00Z"))
                .withQueryParam("pageSize", equalTo("2"))
                .withQueryParam("includeGDPRSensitiveData", equalTo("false"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Merchant-Serial-Number", equalTo("123456")));
        assertThat(tokenCalls()).isEqualTo(1);
    }

    @Test
    void giftsAtOrBeforeTheCursorAndEntriesWithoutAReferenceAreLeftOut() {
        vipps.stubFor(get(urlPathEqualTo("/donations/v1/reports/payments")).willReturn(ProviderStubs.json(200, """
                {"payments":[
                  {"paymentDateTimeUtc":"2026-01-02T09:15:00Z","amount":10000,"pspReference":"at-the-cursor"},
                  {"paymentDateTimeUtc":"2026-01-02T09:16:00Z","amount":10000},
                  {"paymentDateTimeUtc":"2026-01-02T09:17:00Z","amount":{"currency":"NOK","value":7500},
                   "pspReference":"after","message":"Til minne om mor","payer":{"name":"Kari Nordmann"}}
                ]}""")));

        VippsApi.DonationsPage page = api.donations(KEYS, Instant.parse("2026-01-02T09:15:00Z"), 1_000);

        assertThat(page.more()).isFalse();
        assertThat(page.donations()).containsExactly(new VippsApi.Donation("after", "Kari Nordmann", null, 7_500,
                Instant.parse("2026-01-02T09:17:00Z"), "Til minne om mor"));
    }
}
