package no.dialog.providers.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.email.EmailMessage;
import no.dialog.providers.testing.ProviderStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The SES client against WireMock speaking SES API v2's REST protocol ({@code POST /v2/email/outbound-emails},
 * JSON, errors named by {@code x-amzn-ErrorType}), with events/send-email/ses-*.json as payloads.
 */
class SesEmailGatewayTest {

    private static final String PATH = "/v2/email/outbound-emails";
    private static final String LINK = "https://api.dialog.test/webhooks/unsubscribe/demo?token=ZGVtbzpNLTE6ZW1haWw.AAAAAAAAAAAAAAAAAAAAAA";
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder().build();

    @RegisterExtension
    static final WireMockExtension ses = ProviderStubs.server();
    private SesEmailGateway gateway;

    @AfterAll
    static void closeHttpClient() {
        HTTP.close();
    }

    @BeforeEach
    void setUp() {
        gateway = gatewayAt(URI.create(ses.baseUrl()), Duration.ofSeconds(2));
    }

    private static SesEmailGateway gatewayAt(URI endpoint, Duration timeout) {
        return new SesEmailGateway(SesEmailGateway.client(HTTP, Region.EU_NORTH_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), endpoint, timeout));
    }

    static EmailMessage message() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + LINK + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("dialog-key", "ZGVtbzpFLTE6dGhhbmtzOjE");
        tags.put("dialog-tenant", "demo");
        return new EmailMessage("post@rodekors.no", "Røde Kors", "kari.nordmann@example.no", "svar@rodekors.no",
                "Takk, Kari!", "<p>Hei Kari</p><p><a href=\"" + LINK + "\">Meld deg av her</a></p>",
                "Hei Kari\n\nMeld deg av: " + LINK, headers, "dialog-email-dev", tags);
    }

    static String payload(String name) {
        return ProviderStubs.payload("send-email", name);
    }

    private static void answer(int status, String errorType, String body) {
        var response = ProviderStubs.json(status, body);
        if (errorType != null) {
            response.withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazonaws.services.email/");
        }
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    @Test
    void postsTheDocumentedSendEmailRequestSignedForSesAndReturnsTheMessageId() {
        answer(200, null, payload("ses-send-email-response.json"));

        String messageId = gateway.send(message());

        assertThat(messageId).isEqualTo("0100019abcde1234-5f6e7d8c-1a2b-4c3d-9e8f-0a1b2c3d4e5f-000000");
        ses.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=local/\\d{8}/eu-north-1/ses/aws4_request.*"))
                .withRequestBody(equalToJson(payload("ses-send-email-request.json"))));
    }

    @Test
    void aRejectedMessageIsFinalAndItsReasonHoldsNoAddress() {
        answer(400, "MessageRejected", payload("ses-error-message-rejected.json"));

        assertThatThrownBy(() -> gateway.send(message())).isInstanceOf(ProviderRejected.class)
                .hasMessage("SES refused the message (HTTP 400, MessageRejected)")
                .message().doesNotContain("@");
    }

    @Test
    void anUnverifiedMailFromDomainAndABadRequestAreFinal() {
        answer(400, "MailFromDomainNotVerifiedException", "{\"message\":\"MAIL FROM domain not verified\"}");
        assertThatThrownBy(() -> gateway.send(message())).isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("MailFromDomainNotVerifiedException");

        answer(400, "BadRequestException", "{\"message\":\"Missing final '@domain'\"}");
        assertThatThrownBy(() -> gateway.send(message())).isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("BadRequestException");
    }

    @Test
    void throttlingQuotasAndServerErrorsAreUnavailableAndSurelyNotAccepted() {
        answer(429, "TooManyRequestsException", payload("ses-error-too-many-requests.json"));
        assertThatThrownBy(() -> gateway.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse()).hasMessageContaining("TooManyRequestsException");

        answer(400, "LimitExceededException", "{\"message\":\"Daily message quota exceeded.\"}");
        assertThatThrownBy(() -> gateway.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse());

        answer(503, "ServiceUnavailable", "{\"message\":\"try later\"}");
        assertThatThrownBy(() -> gateway.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse()).hasMessageContaining("HTTP 503");
        assertThat(ses.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount())
                .as("the SDK does not retry on its own").isEqualTo(3);
    }

    @Test
    void noAnswerInTimeMeansPossiblyAccepted() {
        // Its own server: the late answer must not show up in another test's request journal.
        WireMockServer slow = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slow.start();
        try {
            slow.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)
                    .withBody(payload("ses-send-email-response.json"))));
            SesEmailGateway impatient = gatewayAt(URI.create(slow.baseUrl()), Duration.ofMillis(300));

            assertThatThrownBy(() -> impatient.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                    e -> assertThat(e.possiblyAccepted()).isTrue()).hasMessageContaining("may have accepted");
        } finally {
            slow.stop();
        }
    }

    @Test
    void aConnectionCutMidAnswerMeansPossiblyAccepted() {
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> gateway.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isTrue());
    }

    @Test
    void anUnreachableSesMeansSurelyNotAccepted() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SesEmailGateway nowhere = gatewayAt(URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.send(message())).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse()).hasMessageContaining("could not be reached");
    }
}
