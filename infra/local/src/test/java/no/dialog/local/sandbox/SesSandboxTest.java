package no.dialog.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.email.EmailMessage;
import no.dialog.core.send.email.EmailTags;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.bus.RecordedEvent;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.providers.email.SesEmailGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** The SES sandbox on a real local gateway, called by the real SES client and over HTTP with SES's payloads. */
class SesSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=local/20261123/eu-north-1/ses/aws4_request,"
            + " SignedHeaders=host, Signature=00";
    private static final String SET = "dialog-email-local";
    private static final String KEY = "demo:E-SES-1:thanks:1";

    private static final Outbox OUTBOX = new Outbox();
    private static LocalEventBus bus;
    private static LocalHttpGateway gateway;
    private static SdkHttpClient http;
    private static SesEmailGateway ses;

    @BeforeAll
    static void start() {
        LocalClock clock = LocalClock.fixedAt(Instant.parse("2026-11-23T12:00:00Z"));
        bus = new LocalEventBus(clock);
        gateway = LocalHttpGateway.builder().port(0).clock(clock).build().start();
        gateway.mount(SesSandbox.MOUNT, new SesSandbox(OUTBOX, bus, clock, Set.of(SET)));
        http = ApacheHttpClient.builder().build();
        ses = new SesEmailGateway(SesEmailGateway.client(http, Region.EU_NORTH_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                URI.create(SesSandbox.templateParameters(gateway.baseUri()).get("SesEndpoint")), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        http.close();
        gateway.close();
        bus.close();
    }

    private static EmailMessage message(String from, String key, String configurationSet) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<http://127.0.0.1/webhooks/unsubscribe/demo?token=abc.def>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new EmailMessage(from, "Demo Organisation", "kari@example.no", null, "Takk, Kari!",
                "<p>Hei <b>Kari</b></p>", "Hei Kari", headers, configurationSet, EmailTags.of("demo", key));
    }

    private static ObjectNode payload(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return (ObjectNode) JSON.readTree(dir.resolve("events/send-email").resolve(name).toFile());
    }

    private static HttpResponse<String> post(JsonNode body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUri().resolve(SesSandbox.MOUNT
                        + "/v2/email/outbound-emails"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The documented request, from a sender the sandbox has verified. */
    private static ObjectNode verifiedRequest() throws IOException {
        ObjectNode request = payload("ses-send-email-request.json");
        request.put("FromEmailAddress", "Demo <post@demo.dialog.local>");
        request.put("ConfigurationSetName", SET);
        return request;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String type, String message)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains(message);
    }

    @Test
    void takesTheRealClientsRequestPutsItInTheOutboxAndPublishesSesEvents() {
        String messageId = ses.send(message("post@demo.dialog.local", KEY, SET));

        OutboxMessage sent = OUTBOX.find(messageId).orElseThrow();
        assertThat(sent.channel()).isEqualTo("email");
        assertThat(sent.tenant()).isEqualTo("demo");
        assertThat(sent.idempotencyKey()).isEqualTo(KEY);
        assertThat(sent.recipient()).isEqualTo("kari@example.no");
        assertThat(sent.sender()).isEqualTo("Demo Organisation <post@demo.dialog.local>");
        assertThat(sent.subject()).isEqualTo("Takk, Kari!");
        assertThat(sent.html()).isEqualTo("<p>Hei <b>Kari</b></p>");
        assertThat(sent.text()).isEqualTo("Hei Kari");

        List<RecordedEvent> events = bus.recentEvents("demo").stream()
                .filter(e -> e.detail().path("mail").path("messageId").asText().equals(messageId)).toList();
        assertThat(events).extracting(RecordedEvent::source).containsOnly("aws.ses");
        assertThat(events).extracting(RecordedEvent::detailType).containsExactlyInAnyOrder("Email Sent", "Email Delivered");
        JsonNode delivered = events.stream().filter(e -> e.detailType().equals("Email Delivered")).findFirst()
                .orElseThrow().detail();
        assertThat(delivered.get("eventType").asText()).isEqualTo("Delivery");
        assertThat(delivered.at("/mail/tags/dialog-key/0").asText()).isEqualTo(EmailTags.encodeKey(KEY));
        assertThat(delivered.at("/mail/tags/dialog-tenant/0").asText()).isEqualTo("demo");
        assertThat(delivered.at("/mail/tags/ses:configuration-set/0").asText()).isEqualTo(SET);
        assertThat(delivered.at("/delivery/recipients/0").asText()).isEqualTo("kari@example.no");
    }

    @Test
    void withoutAConfigurationSetNothingIsPublished() {
        String key = "demo:E-SES-2:thanks:1";
        String messageId = ses.send(message("post@demo.dialog.local", key, null));

        assertThat(OUTBOX.find(messageId)).isPresent();
        assertThat(bus.recentEvents(null)).noneMatch(e -> e.detail().path("mail").path("messageId").asText().equals(messageId));
    }

    @Test
    void acceptsTheDocumentedRequestShape() throws Exception {
        HttpResponse<String> response = post(verifiedRequest(), SIGNED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("MessageId").asText()).matches("[0-9a-f]{16}-[0-9a-f-]{36}-000000");
    }

    @Test
    void anUnverifiedSenderIsMessageRejectedWhichTheRealClientTakesAsFinal() throws Exception {
        ObjectNode unverified = payload("ses-send-email-request.json");
        unverified.put("ConfigurationSetName", SET);
        assertRefused(post(unverified, SIGNED), 400, "MessageRejected", "Email address is not verified");
        assertThatThrownBy(() -> ses.send(message("post@rodekors.no", KEY, SET))).isInstanceOf(ProviderRejected.class)
                .hasMessage("SES refused the message (HTTP 400, MessageRejected)");
    }

    @Test
    void refusesMalformedRequestsAsSesDoes() throws Exception {
        assertRefused(post(verifiedRequest(), null), 403, "IncompleteSignatureException", "SigV4");

        ObjectNode noContent = verifiedRequest();
        noContent.remove("Content");
        assertRefused(post(noContent, SIGNED), 400, "BadRequestException", "Content is required");

        ObjectNode badTag = verifiedRequest();
        ((ObjectNode) badTag.get("EmailTags").get(0)).put("Value", "demo:E-1:thanks:1");
        assertRefused(post(badTag, SIGNED), 400, "BadRequestException", "EmailTags: the Value of dialog-key");

        ObjectNode noRecipient = verifiedRequest();
        noRecipient.remove("Destination");
        assertRefused(post(noRecipient, SIGNED), 400, "BadRequestException", "Destination must have at least one address");

        ObjectNode unknownSet = verifiedRequest();
        unknownSet.put("ConfigurationSetName", "no-such-set");
        assertRefused(post(unknownSet, SIGNED), 404, "NotFoundException", "Configuration set <no-such-set> does not exist.");

        ObjectNode reserved = verifiedRequest();
        ((ObjectNode) reserved.at("/Content/Simple/Headers/0")).put("Name", "From");
        assertRefused(post(reserved, SIGNED), 400, "BadRequestException", "From cannot be set as a header");

        ObjectNode unencoded = verifiedRequest();
        unencoded.put("FromEmailAddress", "Røde Kors <post@demo.dialog.local>");
        assertRefused(post(unencoded, SIGNED), 400, "BadRequestException", "MIME-encoded");

        ObjectNode noSubject = verifiedRequest();
        ((ObjectNode) noSubject.at("/Content/Simple")).remove("Subject");
        assertRefused(post(noSubject, SIGNED), 400, "BadRequestException", "Subject.Data is required");
    }

    @Test
    void acceptsRawMimeTakingAddressesFromItsHeaders() throws Exception {
        String mime = "From: Demo <post@demo.dialog.local>\r\nTo: ola@example.no\r\nSubject: Hei\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hei Ola\r\n--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Hei Ola</p>\r\n--b1--\r\n";
        ObjectNode raw = JSON.createObjectNode();
        raw.putObject("Content").putObject("Raw").put("Data",
                Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8)));
        raw.putArray("EmailTags").addObject().put("Name", "dialog-tenant").put("Value", "demo");

        HttpResponse<String> response = post(raw, SIGNED);

        assertThat(response.statusCode()).isEqualTo(200);
        OutboxMessage sent = OUTBOX.find(JSON.readTree(response.body()).get("MessageId").asText()).orElseThrow();
        assertThat(sent.recipient()).isEqualTo("ola@example.no");
        assertThat(sent.subject()).isEqualTo("Hei");
        assertThat(sent.html()).contains("<p>Hei Ola</p>");
    }

    @Test
    void showsAnAcceptedEmailsHtmlSandboxed() throws Exception {
        String messageId = ses.send(message("post@demo.dialog.local", "demo:E-SES-3:thanks:1", null));

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(gateway.baseUri().resolve(SesSandbox.MOUNT
                + "/outbox/" + messageId)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        assertThat(page.body()).isEqualTo("<p>Hei <b>Kari</b></p>");
    }
}
