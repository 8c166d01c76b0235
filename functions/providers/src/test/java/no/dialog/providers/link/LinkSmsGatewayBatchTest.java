package no.dialog.providers.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.send.DeliveryOutcome;
import no.dialog.core.send.DeliveryReceipt;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsMessage;
import no.dialog.providers.testing.ProviderStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LINK's /sms/sendbatch against WireMock with the documented payloads (events/send-sms/link-sendbatch-*.json). */
class LinkSmsGatewayBatchTest {

    private static final String AUTH = "Basic ZGlhbG9nOnNlY3JldA=="; // dialog:secret
    private static final SmsMessage KARI = new SmsMessage("DemoOrganis", "+4791234567", "Hei Kari! Takk for gaven.",
            "demo:E-1:thanks:1");
    private static final SmsMessage OLA = new SmsMessage("DemoOrganis", "+4741560067", "Hei Ola! Takk for gaven.",
            "demo:E-2:thanks:1");

    @RegisterExtension
    static final WireMockExtension link = ProviderStubs.server();
    private LinkSmsGateway gateway;

    @BeforeEach
    void setUp() {
        gateway = new LinkSmsGateway(LinkSettings.of(link.baseUrl(), "dialog", "secret", "LOCAL", "0", "LOCALGATE"));
    }

    private static void answerBatch(int status, String body) {
        link.stubFor(post(urlEqualTo("/sms/sendbatch")).willReturn(ProviderStubs.json(status, body)));
    }

    @Test
    void postsLinksDocumentedBatchRequestAndReadsOneResultPerMessage() {
        answerBatch(200, LinkSmsGatewayTest.payload("link-sendbatch-response.json"));

        List<DeliveryOutcome> outcomes = gateway.sendBatch(List.of(KARI, OLA));

        assertThat(outcomes).containsExactly(
                new DeliveryOutcome.Accepted(new DeliveryReceipt("QC5BGwiuYk0AAAFiQ08nTFOS", 1)),
                new DeliveryOutcome.Accepted(new DeliveryReceipt("QC5BHHuqylsAAAFiQ08nX2ph", 1)));
        link.verify(postRequestedFor(urlEqualTo("/sms/sendbatch"))
                .withHeader("Authorization", equalTo(AUTH))
                .withRequestBody(equalToJson(LinkSmsGatewayTest.payload("link-sendbatch-request.json"))));
    }

    @Test
    void resultsAreMatchedByRefIdNotByPosition() {
        answerBatch(200, """
                [ {"messageId": "B", "refId": "demo:E-2:thanks:1", "resultCode": 1005, "message": "Queued", "smsCount": 2},
                  {"messageId": "A", "refId": "demo:E-1:thanks:1", "resultCode": 1005, "message": "Queued", "smsCount": 1} ]""");

        List<DeliveryOutcome> outcomes = gateway.sendBatch(List.of(KARI, OLA));

        assertThat(outcomes).containsExactly(DeliveryOutcome.class.cast(new DeliveryOutcome.Accepted(
                new DeliveryReceipt("A", 1))), new DeliveryOutcome.Accepted(new DeliveryReceipt("B", 2)));
    }

    @Test
    void aRefusedMessageFailsAloneWithItsCodeAndNoNumberInTheReason() {
        answerBatch(200, """
                [ {"messageId": "A", "refId": "demo:E-1:thanks:1", "resultCode": 1005, "message": "Queued", "smsCount": 1},
                  {"refId": "demo:E-2:thanks:1", "resultCode": 106000, "description": "Invalid destination +4741560067"} ]""");

        List<DeliveryOutcome> outcomes = gateway.sendBatch(List.of(KARI, OLA));

        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("resultCode 106000").contains("Invalid destination")
                        .doesNotContain("41560067"));
    }

    @Test
    void aMessageMissingFromTheAnswerMayHaveBeenTakenAndIsNeverResent() {
        answerBatch(200, """
                [ {"messageId": "A", "refId": "demo:E-1:thanks:1", "resultCode": 1005, "message": "Queued", "smsCount": 1} ]""");

        List<DeliveryOutcome> outcomes = gateway.sendBatch(List.of(KARI, OLA));

        assertThat(outcomes.get(1)).isInstanceOfSatisfying(DeliveryOutcome.Unavailable.class,
                unavailable -> assertThat(unavailable.possiblyAccepted()).isTrue());
    }

    @Test
    void aBatchRefusedAsAWholeIsSentOneByOneSoTheBadMessageFailsAlone() {
        answerBatch(400, LinkSmsGatewayTest.payload("link-error-bad-request.json"));
        link.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(matchingJsonPath("$.refId", equalTo(KARI.refId())))
                .willReturn(ProviderStubs.json(200, LinkSmsGatewayTest.payload("link-send-response.json"))));
        link.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(matchingJsonPath("$.refId", equalTo(OLA.refId())))
                .willReturn(ProviderStubs.json(400, LinkSmsGatewayTest.payload("link-error-bad-request.json"))));

        List<DeliveryOutcome> outcomes = gateway.sendBatch(List.of(KARI, OLA));

        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Rejected.class);
        link.verify(2, postRequestedFor(urlEqualTo("/sms/send")));
    }

    @Test
    void aServerErrorFailsTheWholeCallAsSurelyNotAccepted() {
        answerBatch(503, "{}");

        assertThatThrownBy(() -> gateway.sendBatch(List.of(KARI, OLA))).isInstanceOfSatisfying(
                ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isFalse());
        link.verify(0, postRequestedFor(urlEqualTo("/sms/send")));
    }

    @Test
    void wrongCredentialsFailTheWholeCallForARetryNotOneByOne() {
        answerBatch(401, LinkSmsGatewayTest.payload("link-error-unauthorized.json"));

        assertThatThrownBy(() -> gateway.sendBatch(List.of(KARI))).isInstanceOfSatisfying(
                ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isFalse());
        link.verify(0, postRequestedFor(urlEqualTo("/sms/send")));
    }

    @Test
    void noAnswerInTimeMeansTheWholeBatchMayHaveBeenAccepted() {
        gateway = new LinkSmsGateway(LinkSettings.of(link.baseUrl(), "dialog", "secret", "LOCAL", "0", "LOCALGATE")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)));
        link.stubFor(post(urlEqualTo("/sms/sendbatch")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withBody("[]")));

        assertThatThrownBy(() -> gateway.sendBatch(List.of(KARI, OLA))).isInstanceOfSatisfying(
                ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isTrue());
    }

    @Test
    void moreThanLinksLimitIsRefusedBeforeAnythingGoesOut() {
        List<SmsMessage> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(new SmsMessage("Demo", "+4791234567", "Hei", "demo:E-" + i + ":a:1"));
        }

        assertThatThrownBy(() -> gateway.sendBatch(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1001");
        assertThat(link.getAllServeEvents()).isEmpty();
    }
}
