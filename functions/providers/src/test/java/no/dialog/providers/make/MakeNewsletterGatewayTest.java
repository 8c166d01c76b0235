package no.dialog.providers.make;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import no.dialog.core.contact.Consent;
import no.dialog.core.send.ListSync;
import no.dialog.core.send.ListSyncResult;
import no.dialog.core.send.NewsletterAccount;
import no.dialog.core.send.NewsletterSubscription;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.providers.testing.ProviderStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Make client against WireMock speaking Make's subscribers API as events/send-newsletter/ shows it. */
class MakeNewsletterGatewayTest {

    private static final String AUTH = "Basic OTg3NDpzZWNyZXQ="; // 9874:secret
    private static final String LOOKUP = "/api/public/v2/subscribers/by_email";
    private static final String SUBSCRIBE = "/api/public/v2/subscribers";
    private static final NewsletterSubscription SUBSCRIPTION = new NewsletterSubscription(
            new NewsletterAccount("9874", "secret", null), "1466", "kari.nordmann@example.no", "Kari", "Nordmann",
            "M-500001", new Consent(true, "landing page", Instant.parse("2026-10-01T09:00:00Z")), "demo:E-1:join:1");

    @RegisterExtension
    static final WireMockExtension make = ProviderStubs.server();
    private MakeNewsletterGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new MakeNewsletterGateway(MakeSettings.of(make.baseUrl() + "/api/public/v2", null));
    }

    static String payload(String name) {
        return ProviderStubs.payload("send-newsletter", name);
    }

    private static void lookupAnswers(int status, String body) {
        make.stubFor(post(urlEqualTo(LOOKUP)).willReturn(ProviderStubs.json(status, body)));
    }

    private static void subscribeAnswers(int status, String body) {
        make.stubFor(post(urlPathEqualTo(SUBSCRIBE)).withQueryParam("subscriber_list_id[]", equalTo("1466"))
                .willReturn(ProviderStubs.json(status, body)));
    }

    private static int subscribeCalls() {
        return make.countRequestsMatching(postRequestedFor(urlPathEqualTo(SUBSCRIBE)).build()).getCount();
    }

    @Test
    void aPersonMakeKnowsFromAnotherListIsUpdatedOntoThisOneWithConsentRecorded() {
        lookupAnswers(200, payload("make-subscriber-found.json"));
        subscribeAnswers(200, payload("make-subscribe-response.json"));

        ListSyncResult result = gateway.subscribe(SUBSCRIPTION);

        assertThat(result).isEqualTo(new ListSyncResult("88123", ListSync.UPDATED));
        make.verify(postRequestedFor(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson(payload("make-by-email-request.json"))));
        make.verify(postRequestedFor(urlEqualTo(SUBSCRIBE + "?subscriber_list_id%5B%5D=1466"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson(payload("make-subscribe-request.json"))));
    }

    @Test
    void anUnknownPersonIsAddedAndOneOnTheListIsAlreadySubscribed() {
        lookupAnswers(404, payload("make-subscriber-not-found.json"));
        subscribeAnswers(200, payload("make-subscribe-response.json"));
        assertThat(gateway.subscribe(SUBSCRIPTION).sync()).isEqualTo(ListSync.ADDED);

        lookupAnswers(200, payload("make-subscribe-response.json"));
        assertThat(gateway.subscribe(SUBSCRIPTION).sync()).isEqualTo(ListSync.ALREADY_SUBSCRIBED);
    }

    @Test
    void aPersonWhoUnsubscribedAtMakeIsNotSubscribedAgain() {
        lookupAnswers(200, payload("make-subscriber-unsubscribed.json"));

        assertThatThrownBy(() -> gateway.subscribe(SUBSCRIPTION)).isInstanceOf(ProviderRejected.class)
                .hasMessage("Make: the subscriber's e-mail status is unsubscribed; not subscribed again");
        assertThat(subscribeCalls()).isZero();
    }

    @Test
    void theAccountsOwnConsentFieldIsUsed() {
        lookupAnswers(404, payload("make-subscriber-not-found.json"));
        subscribeAnswers(200, payload("make-subscribe-response.json"));
        NewsletterSubscription own = new NewsletterSubscription(new NewsletterAccount("9874", "secret", "EXTRA3"),
                "1466", "kari.nordmann@example.no", null, null, "M-500001",
                new Consent(true, null, Instant.parse("2026-10-01T09:00:00Z")), "demo:E-1:join:1");

        gateway.subscribe(own);

        make.verify(postRequestedFor(urlPathEqualTo(SUBSCRIBE)).withRequestBody(equalToJson(
                "{\"email\":\"kari.nordmann@example.no\",\"external_id\":\"M-500001\","
                        + "\"EXTRA3\":\"granted 2026-10-01T09:00:00Z\"}")));
    }

    @Test
    void invalidInputAndUnknownListsAreRejectionsWithoutTheAddress() {
        lookupAnswers(404, payload("make-subscriber-not-found.json"));
        subscribeAnswers(422, payload("make-error-unprocessable.json"));
        assertThatThrownBy(() -> gateway.subscribe(SUBSCRIPTION)).isInstanceOf(ProviderRejected.class)
                .hasMessage("Make refused subscribing (HTTP 422): email … is not a valid e-mail address");

        subscribeAnswers(404, "{\"status\":\"404 Not Found\",\"message\":\"List not found\"}");
        assertThatThrownBy(() -> gateway.subscribe(SUBSCRIPTION)).isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("list 1466 not found");
    }

    @Test
    void wrongCredentialsServerErrorsAndTimeoutsAreUnavailableAndSafeToRetry() {
        lookupAnswers(401, payload("make-error-unauthorized.json"));
        assertThatThrownBy(() -> gateway.subscribe(SUBSCRIPTION)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.possiblyAccepted()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("secret");
        });

        lookupAnswers(404, payload("make-subscriber-not-found.json"));
        subscribeAnswers(503, "");
        assertThatThrownBy(() -> gateway.subscribe(SUBSCRIPTION)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse());

        make.stubFor(post(urlPathEqualTo(SUBSCRIBE)).willReturn(aResponse().withStatus(200)
                .withBody(payload("make-subscribe-response.json")).withFixedDelay(3_000)));
        MakeNewsletterGateway impatient = new MakeNewsletterGateway(MakeSettings.of(make.baseUrl() + "/api/public/v2",
                null).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)));
        assertThatThrownBy(() -> impatient.subscribe(SUBSCRIPTION)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).as("an upsert: asking again is harmless").isFalse());
    }

    @Test
    void settingsTakeDefaultsAndRefuseABadConsentField() {
        assertThat(MakeSettings.of("", null).baseUrl().toString()).isEqualTo("https://subscribers.dialogapi.no/api/public/v2");
        assertThat(MakeSettings.of(null, " ").defaultConsentField()).isEqualTo("SAMTYKKEEPOST");
        assertThatThrownBy(() -> MakeSettings.of(null, "consent")).hasMessageContaining("MAKE_CONSENT_FIELD");
    }
}
