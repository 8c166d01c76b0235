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
import no.dialog.core.send.ChatMessage;
import no.dialog.core.send.ChatReceipt;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.providers.testing.ProviderStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LINK Conversations client against WireMock speaking the modelled contract (events/send-chat/). */
class LinkConversationsGatewayTest {

    private static final String AUTH = "Basic ZGlhbG9nOnNlY3JldA=="; // dialog:secret
    private static final String PATH = "/conversations/v1/messages";
    private static final ChatMessage MESSAGE = new ChatMessage("DemoOrganis", "+4791234567",
            "Hei Kari! Er du fortsatt student? Svar JA eller NEI. Hilsen Demo Organisation", "demo:E-1:ask:1",
            "https://api.dialog.example/webhooks/link-chat/demo");

    @RegisterExtension
    static final WireMockExtension link = ProviderStubs.server();
    private LinkConversationsGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new LinkConversationsGateway(LinkConversationsSettings.of(link.baseUrl() + "/", "dialog", "secret"));
    }

    static String payload(String name) {
        return ProviderStubs.payload("send-chat", name);
    }

    private static void answer(int status, String body) {
        link.stubFor(post(urlEqualTo(PATH)).willReturn(ProviderStubs.json(status, body)));
    }

    @Test
    void postsTheMessageWithBasicAuthAndReadsTheAcceptedAnswer() {
        answer(202, payload("link-chat-message-response.json"));

        ChatReceipt receipt = gateway.send(MESSAGE);

        assertThat(receipt).isEqualTo(new ChatReceipt("c0nv-msg-6f1d2a", "c0nv-4b7e91"));
        link.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo(AUTH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(payload("link-chat-message-request.json"))));
    }

    @Test
    void aBadRequestIsARejectionWithTheErrorAndNoPhoneNumber() {
        answer(400, payload("link-chat-error-bad-request.json"));

        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOf(ProviderRejected.class)
                .hasMessage("LINK Conversations refused the message (HTTP 400, INVALID_RECIPIENT): recipient … is not"
                        + " a mobile number");
    }

    @Test
    void wrongCredentialsServerErrorsAndThrottlingAreUnavailableAndSurelyNotAccepted() {
        answer(401, payload("link-chat-error-unauthorized.json"));
        assertThatThrownBy(() -> gateway.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class, e -> {
            assertThat(e.possiblyAccepted()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 401").doesNotContain("secret");
        });
        for (int status : new int[] {429, 500, 503}) {
            answer(status, "");
            assertThatThrownBy(() -> gateway.send(MESSAGE)).as("HTTP " + status)
                    .isInstanceOfSatisfying(ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isFalse());
        }
    }

    @Test
    void noAnswerInTimeMeansPossiblyAcceptedAndNobodyListeningMeansNot() throws IOException {
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withBody(payload("link-chat-message-response.json")).withFixedDelay(3_000)));
        LinkConversationsGateway impatient = new LinkConversationsGateway(LinkConversationsSettings.of(link.baseUrl(),
                "dialog", "secret").withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)));
        assertThatThrownBy(() -> impatient.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isTrue());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LinkConversationsGateway unreachable = new LinkConversationsGateway(LinkConversationsSettings.of(
                "http://127.0.0.1:" + closedPort, "dialog", "secret"));
        assertThatThrownBy(() -> unreachable.send(MESSAGE)).isInstanceOfSatisfying(ProviderUnavailable.class,
                e -> assertThat(e.possiblyAccepted()).isFalse());
    }

    @Test
    void settingsRefuseMissingValuesAndNeverPrintThePassword() {
        assertThatThrownBy(() -> LinkConversationsSettings.of(" ", "u", "p")).hasMessageContaining("LINK_CHAT_BASE_URL");
        assertThatThrownBy(() -> LinkConversationsSettings.of("http://x", "u", "")).hasMessageContaining("LINK_CHAT_PASSWORD");
        assertThat(LinkConversationsSettings.of("http://x", "dialog", "secret").toString()).doesNotContain("secret");
    }
}
