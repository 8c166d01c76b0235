package no.dialog.providers.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.providers.testing.ProviderStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LINK client against WireMock answering with LINK's documented payloads (events/send-sms/link-*.json). */
class LinkSmsGatewayTest {

    private static final String AUTH = "Basic ZGlhbG9nOnNlY3JldA=="; // dialog:secret
    private static final SmsMessage MESSAGE = new SmsMessage("DemoOrganis", "+4791234567",
            "Hei Kari! Er du fortsatt student? Svar her: https://dlg.no/p/xxxxxxxxxxxxxxxxxxxxxx Hilsen Demo Organisation",
            "demo:E-1:ask:1");

    @RegisterExtension
    static final WireMockExtension link = ProviderStubs.server();
    private LinkSmsGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new LinkSmsGateway(settings(link.baseUrl()));
    }

    private static LinkSettings settings(String baseUrl) {
        return LinkSettings.of(baseUrl, "dialog", "secret", "LOCAL", "0", "LOCALGATE");
    }

    static String payload(String name) {
        return ProviderStubs.payload("send-sms", name);
    }

    private static void answer(int status, String body) {
        link.stubFor(post(urlEqualTo("/sms/send")).willReturn(ProviderStubs.json(status, body)));
    }

    @Test
    void postsLinksDocumentedRequestWithBasicAuthAndReadsTheReceipt() {
        answer(200, payload("link-send-response.json"));

        SmsReceipt receipt = gateway.send(MESSAGE);

        assertThat(receipt).isEqualTo(new SmsReceipt("Dcshuhod0PMAAAFQ+/PbnR3x", 1));
        link.verify(1, postRequestedFor(urlEqualTo("/sms/send"))
                .withHeader("Authorization", equalTo(AUTH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(payload("link-send-request.json"))));
    }

    @Test
    void withoutAGateNoDeliveryReportIsAskedFor() {
        answer(200, payload("link-send-response.json"));
        LinkSmsGateway noGate = new LinkSmsGateway(LinkSettings.of(link.baseUrl() + "/", "dialog", "secret", "LOCAL",
                "0", ""));

        noGate.send(MESSAGE);

        String body = link.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(body).contains("\"useDeliveryReport\":false").doesNotContain("deliveryReportGates");
    }

    @Test
    void anAnswerWithoutSmsCountStillCounts() {
        answer(200, "{\"messageId\":\"abc\",\"resultCode\":1005,\"description\":\"Queued\"}");

        assertThat(gateway.send(MESSAGE)).isEqualTo(new SmsReceipt("abc", null));
    }

    @Test
    void aBadRequestAboutTheMessageIsARejectionWithTheResultCode() {
        answer(400, payload("link-error-bad-request.json"));

        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOf(ProviderRejected.class)
                .hasMessage("LINK refused the message (HTTP 400, resultCode 4001): Invalid message content");
    }

    @Test
    void aPhoneNumberInLinksDescriptionIsMaskedInTheReason() {
        answer(400, "{\"resultCode\":4007,\"description\":\"Unsupported content for destination +4791234567\"}");

        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOf(ProviderRejected.class)
                .hasMessageNotContaining("91234567").hasMessageEndingWith("destination …");
    }

    @Test
    void wrongCredentialsOrPlatformIdsAreUnavailableNotRejectedSoTheMessageIsNotLost() {
        answer(401, payload("link-error-unauthorized.json"));
        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.possiblyAccepted()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 401, resultCode 106100").doesNotContain("secret");
        });

        answer(400, "{\"resultCode\":106200,\"description\":\"Invalid or missing platformId\"}");
        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse());
    }

    @Test
    void serverErrorsAndThrottlingAreUnavailableAndSurelyNotAccepted() {
        for (int status : new int[] {500, 502, 503, 429}) {
            answer(status, "");
            assertThatThrownBy(() -> gateway.send(MESSAGE)).as("HTTP " + status)
                    .isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
                        assertThat(e.possiblyAccepted()).isFalse();
                        assertThat(e.getMessage()).contains("HTTP " + status);
                    });
        }
    }

    @Test
    void noAnswerInTimeMeansPossiblyAccepted() {
        link.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)
                .withBody(payload("link-send-response.json")).withFixedDelay(3_000)));
        LinkSmsGateway impatient = new LinkSmsGateway(settings(link.baseUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)));

        assertThatThrownBy(() -> impatient.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isTrue());
    }

    @Test
    void nobodyListeningMeansSurelyNotAccepted() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LinkSmsGateway unreachable = new LinkSmsGateway(settings("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> unreachable.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse());
    }

    @Test
    void settingsRefuseMissingValuesAndNeverPrintThePassword() {
        assertThatThrownBy(() -> LinkSettings.of("", "u", "p", "x", "y", null))
                .hasMessageContaining("LINK_BASE_URL");
        assertThatThrownBy(() -> LinkSettings.of("http://x", "u", " ", "x", "y", null))
                .hasMessage("LINK password is required");
        assertThat(settings("http://x").toString()).doesNotContain("secret");
    }
}
