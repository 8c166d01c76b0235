package no.dialog.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.providers.link.LinkSettings;
import no.dialog.providers.link.LinkSmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LINK sandbox on a real local gateway, called over HTTP with LINK's payloads and by the real LINK client. */
class LinkSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (LinkSandbox.USERNAME + ":" + LinkSandbox.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final Outbox OUTBOX = new Outbox();
    private static LocalHttpGateway gateway;
    private static LinkSandbox sandbox;

    @BeforeAll
    static void start() {
        LocalClock clock = LocalClock.fixedAt(Instant.parse("2026-11-23T12:00:00Z"));
        gateway = LocalHttpGateway.builder().port(0).clock(clock).build().start();
        sandbox = new LinkSandbox(OUTBOX, clock);
        gateway.mount(LinkSandbox.MOUNT, sandbox);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static ObjectNode payload(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return (ObjectNode) JSON.readTree(dir.resolve("events/send-sms").resolve(name).toFile());
    }

    private static HttpResponse<String> post(String path, JsonNode body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(LinkSandbox.MOUNT + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void anOrganisationsOwnAccountSendsWhenOpenedAndIsCountedApart() throws Exception {
        String own = "Basic " + Base64.getEncoder().encodeToString("redcross-sms:their-own".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/sms/send", payload("link-send-request.json"), own).statusCode()).as("not opened yet").isEqualTo(401);

        HttpResponse<String> opened = post("/accounts", JSON.readTree("{\"username\":\"redcross-sms\",\"password\":\"their-own\"}"), null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).doesNotContain("their-own");
        long before = sandbox.sentBy(LinkSandbox.USERNAME);
        HttpResponse<String> sent = post("/sms/send", payload("link-send-request.json"), own);
        assertThat(sent.statusCode()).as(sent.body()).isIn(200, 204);
        assertThat(sandbox.sentBy("redcross-sms")).isEqualTo(1);
        assertThat(sandbox.sentBy(LinkSandbox.USERNAME)).isEqualTo(before);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("redcross-sms:guessed".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/sms/send", payload("link-send-request.json"), wrong).statusCode()).isEqualTo(401);
        HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve(LinkSandbox.MOUNT
                + "/accounts")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("\"username\":\"redcross-sms\",\"sent\":1").doesNotContain("their-own");
        assertThat(post("/accounts", JSON.readTree("{\"username\":\"a:b\",\"password\":\"x\"}"), null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void acceptsLinksDocumentedRequestAndAnswersLikeLink() throws Exception {
        HttpResponse<String> response = post("/sms/send", payload("link-send-request.json"), AUTH);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("resultCode").asInt()).isEqualTo(1005);
        assertThat(answer.get("description").asText()).isEqualTo("Queued");
        assertThat(answer.get("smsCount").asInt()).isEqualTo(1);
        OutboxMessage sent = OUTBOX.newest("demo", "sms", 1).get(0);
        assertThat(sent.providerMessageId()).isEqualTo(answer.get("messageId").asText());
        assertThat(sent.recipient()).isEqualTo("+4791234567");
        assertThat(sent.sender()).isEqualTo("DemoOrganis");
        assertThat(sent.idempotencyKey()).isEqualTo("demo:E-1:ask:1");
        assertThat(sent.encoding()).isEqualTo("GSM7");
        assertThat(sent.at()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void ignoreResponseIsTrueByDefaultAsAtLinkSoTheAnswerIs204() throws Exception {
        ObjectNode request = payload("link-send-request.json");
        request.remove("ignoreResponse");

        HttpResponse<String> response = post("/sms/send", request, AUTH);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void wrongOrMissingCredentialsAre401WithLinksResultCode() throws Exception {
        int before = OUTBOX.size();
        String wrong = "Basic " + Base64.getEncoder().encodeToString("dialog-local:guess".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> missing = post("/sms/send", payload("link-send-request.json"), null);
        HttpResponse<String> bad = post("/sms/send", payload("link-send-request.json"), wrong);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json(bad).get("resultCode").asInt()).isEqualTo(106100);
        assertThat(OUTBOX.size()).isEqualTo(before);
    }

    @Test
    void missingFieldsAre400WithALinkShapedBodyNamingTheField() throws Exception {
        for (String field : new String[] {"source", "destination", "userData"}) {
            ObjectNode request = payload("link-send-request.json");
            request.remove(field);

            HttpResponse<String> response = post("/sms/send", request, AUTH);

            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(json(response).get("resultCode").asInt()).isEqualTo(106000);
            assertThat(json(response).get("description").asText()).startsWith(field);
        }
        ObjectNode noPlatform = payload("link-send-request.json");
        noPlatform.remove("platformId");
        assertThat(json(post("/sms/send", noPlatform, AUTH)).get("resultCode").asInt()).isEqualTo(106200);
        ObjectNode otherGate = payload("link-send-request.json");
        otherGate.putArray("deliveryReportGates").add("SOMEGATE");
        assertThat(json(post("/sms/send", otherGate, AUTH)).get("resultCode").asInt()).isEqualTo(106301);
    }

    @Test
    void sendersAndNumbersFollowLinksRules() throws Exception {
        ObjectNode tooLong = payload("link-send-request.json").put("source", "DemoOrganisation");
        ObjectNode leadingDigit = payload("link-send-request.json").put("source", "4HNorge");
        ObjectNode shortNumber = payload("link-send-request.json").put("source", "2333").put("sourceTON", "SHORTNUMBER");
        ObjectNode badDestination = payload("link-send-request.json").put("destination", "91 23 45 67");
        ObjectNode digitsOnly = payload("link-send-request.json").put("destination", "4791234567");
        ObjectNode emptyText = payload("link-send-request.json").put("userData", "");

        HttpResponse<String> longSender = post("/sms/send", tooLong, AUTH);
        assertThat(longSender.statusCode()).isEqualTo(400);
        assertThat(json(longSender).get("description").asText()).contains("at most 11 characters, got 16");
        assertThat(post("/sms/send", leadingDigit, AUTH).statusCode()).isEqualTo(400);
        assertThat(post("/sms/send", shortNumber, AUTH).statusCode()).isEqualTo(200);
        assertThat(post("/sms/send", badDestination, AUTH).statusCode()).isEqualTo(400);
        assertThat(post("/sms/send", digitsOnly, AUTH).statusCode()).isEqualTo(200);
        assertThat(OUTBOX.newest("demo", "sms", 1).get(0).recipient()).isEqualTo("+4791234567");
        assertThat(post("/sms/send", emptyText, AUTH).statusCode()).isEqualTo(400);
    }

    @Test
    void aBatchIsAcceptedWholeWithOneAnswerPerMessageOrRefusedWhole() throws Exception {
        HttpResponse<String> ok = post("/sms/sendbatch", payload("link-sendbatch-request.json"), AUTH);

        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode answers = json(ok);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).get("refId").asText()).isEqualTo("demo:E-2:thanks:1");
        assertThat(answers.get(1).get("message").asText()).isEqualTo("Queued");
        assertThat(OUTBOX.newest("demo", "sms", 1).get(0).idempotencyKey()).isEqualTo("demo:E-2:thanks:1");

        ObjectNode oneBad = payload("link-sendbatch-request.json");
        ((ObjectNode) oneBad.get("sendRequestMessages").get(1)).put("destination", "not a number");
        int before = OUTBOX.size();
        HttpResponse<String> refused = post("/sms/sendbatch", oneBad, AUTH);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("description").asText()).startsWith("sendRequestMessages[1].destination");
        assertThat(OUTBOX.size()).isEqualTo(before);

        ObjectNode tooMany = payload("link-sendbatch-request.json");
        ArrayNode messages = tooMany.putArray("sendRequestMessages");
        for (int i = 0; i <= LinkSandbox.MAX_BATCH; i++) {
            messages.add(payload("link-send-request.json"));
        }
        assertThat(post("/sms/sendbatch", tooMany, AUTH).statusCode()).isEqualTo(400);
    }

    @Test
    void theRealLinkClientIsAcceptedAndGetsItsReceipt() {
        LinkSmsGateway client = new LinkSmsGateway(LinkSettings.of(
                gateway.baseUri().resolve(LinkSandbox.MOUNT).toString(), LinkSandbox.USERNAME, LinkSandbox.PASSWORD,
                LinkSandbox.PLATFORM_ID, LinkSandbox.PLATFORM_PARTNER_ID, LinkSandbox.GATE));
        String text = "Hei Åse! Takk for gaven 🎉";

        SmsReceipt receipt = client.send(new SmsMessage("DemoOrganis", "+4791234568", text, "demo:E-9:thanks:1"));

        OutboxMessage sent = OUTBOX.newest("demo", "sms", 1).get(0);
        assertThat(receipt.providerMessageId()).isEqualTo(sent.providerMessageId());
        assertThat(receipt.smsCount()).isEqualTo(1);
        assertThat(sent.text()).isEqualTo(text);
        assertThat(sent.encoding()).as("the emoji makes it UCS-2").isEqualTo("UCS2");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(post("/sms/other", payload("link-send-request.json"), AUTH).statusCode()).isEqualTo(404);
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + LinkSandbox.MOUNT
                + "/sms/send")).GET().header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }
}
