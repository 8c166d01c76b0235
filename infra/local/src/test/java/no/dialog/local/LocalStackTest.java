package no.dialog.local;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.dialog.aws.dynamodb.DynamoDbTemplateStore;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.local.clock.Daytime;
import no.dialog.local.demo.DemoContacts;
import no.dialog.local.docs.Readme;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The whole local stack, started as the run command starts it (but in memory, on free ports, with a
 * small demo organisation): the paths of the foundation issue, through HTTP and the AWS SDK as a user
 * or the organisation's system would use them.
 */
class LocalStackTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int DEMO_CONTACTS = 300;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, DEMO_CONTACTS));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String tenant, String roles) throws Exception {
        return MAPPER.readTree(get("/local/token?tenant=" + tenant + "&roles=" + roles, null).body()).get("token").asText();
    }


    private static int contactStatus(String id, String token) {
        try {
            return get("/admin/v1/contacts/" + id, token).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoOrganisationArrivesThroughTheImportPipelineAndShowsInTheConsole() throws Exception {
        String token = token("demo", "viewer");
        eventually(() -> contactStatus(String.format("D-%07d", DEMO_CONTACTS - 1), token) == 200, "the last demo contact");

        String console = get("/local/", null).body();
        var row = java.util.regex.Pattern.compile("<td>demo</td><td>Demo Organisation</td><td class=\"n\">(\\d+)</td>")
                .matcher(console);
        assertThat(row.find()).as("the console lists the demo tenant").isTrue();
        // Other tests in this class add a few contacts of their own to the same tenant.
        assertThat(Integer.parseInt(row.group(1))).isBetween(DEMO_CONTACTS, DEMO_CONTACTS + 5);
        assertThat(console).contains("dialog-imports-local");
    }

    @Test
    void aFileWithBadRowsImportsTheGoodOnesAndReportsTheBadOnesNextToIt() throws Exception {
        Path file = TemplateFiles.findFromWorkingDirectory().toAbsolutePath().getParent()
                .resolve("events/sync/contacts-with-bad-rows.ndjson");
        // As the README shows it: a plain PUT to the local S3 endpoint (no AWS CLI needed).
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(stack.emulators().s3Endpoint() + "/"
                        + stack.importsBucket() + "/demo/contacts/with-bad-rows.ndjson"))
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        String reportKey = "demo/contacts/with-bad-rows.ndjson.report.json";
        eventually(() -> {
            try {
                stack.emulators().s3().headObject(b -> b.bucket(stack.importsBucket()).key(reportKey));
                return true;
            } catch (S3Exception e) {
                return false;
            }
        }, "the import report");
        JsonNode report = MAPPER.readTree(stack.emulators().s3()
                .getObjectAsBytes(b -> b.bucket(stack.importsBucket()).key(reportKey)).asUtf8String());
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        String token = token("demo", "viewer");
        assertThat(contactStatus("M-200007", token)).isEqualTo(200);
        assertThat(contactStatus("M-200002", token)).isEqualTo(404);
    }

    @Test
    void aContactChangedEventPutOnTheLocalBusUpdatesTheContact() throws Exception {
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(stack.baseUri().resolve("/aws/events"))
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            var result = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                    .eventBusName(stack.busName()).source("org.system").detailType("ContactChanged")
                    .detail("""
                            {"tenant":"demo","contact":{"id":"M-900001","updatedAt":"2026-11-23T12:00:00Z",
                             "firstName":"Solveig","lastName":"Strand","phone":"+4791112233"}}""")
                    .build()));
            assertThat(result.failedEntryCount()).isZero();
        }
        String token = token("demo", "viewer");
        eventually(() -> contactStatus("M-900001", token) == 200, "the changed contact");
        assertThat(get("/admin/v1/contacts/M-900001", token).body()).contains("\"lastName\":\"Strand\"");

        JsonNode recent = MAPPER.readTree(get("/local/events?tenant=demo", null).body());
        assertThat(recent.get(0).get("detailType").asText()).isEqualTo("ContactChanged");
    }

    @Test
    void anUnknownEventTypeEndsInTheDeadLetterQueueWithItsReasonOnTheConsole() throws Exception {
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(stack.baseUri().resolve("/aws/events")).region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName(stack.busName())
                    .source("org.system").detailType("ContactDeleted").detail("{\"tenant\":\"demo\"}").build()));
        }
        eventually(() -> {
            try {
                return get("/local/", null).body().contains("detail.contactId is required");
            } catch (Exception e) {
                return false;
            }
        }, "the dead letter on the console");
    }

    @Test
    void healthIsTheFunctionsAnswerWithTheDemoOrganisationOnceItIsImported() throws Exception {
        HttpResponse<String> health = get("/health", null);
        if (health.statusCode() == 503) {
            // Still importing: the gateway answers by itself, with the progress.
            JsonNode starting = MAPPER.readTree(health.body());
            assertThat(starting.get("status").asText()).isEqualTo("starting");
            assertThat(starting.at("/demo/of").asLong()).isEqualTo(DEMO_CONTACTS);
            assertThat(health.headers().firstValue("Retry-After")).isPresent();
        }
        eventually(() -> statusOf("/health") == 200, "the stack ready");
        JsonNode ready = MAPPER.readTree(get("/health", null).body());
        assertThat(ready.get("status").asText()).as("the admin-api function's own answer").isEqualTo("ok");
        assertThat(ready.at("/demo/imported").asLong()).isEqualTo(DEMO_CONTACTS);
        assertThat(stack.readiness().readiness().state().ready()).isTrue();
        assertThat(get("/local/", null).body()).contains("<strong>Ready.</strong>");
    }

    /**
     * The README's local-surface table, route by route: each answers (anything but "no such route"). POST
     * routes are sent without their query and body, so they refuse the request and change nothing.
     */
    @Test
    void everyRouteOfTheReadmesLocalSurfaceTableAnswers() throws Exception {
        List<Readme.Route> routes = Readme.ofThisRepository().localSurface();
        assertThat(routes).hasSizeGreaterThan(15).extracting(Readme.Route::path).contains("/health", "/local/");
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (Readme.Route route : routes) {
            String method = route.method() == null ? "GET" : route.method().split("\\|")[0];
            String path = route.path();
            if (Readme.EXAMPLE_PATHS.containsKey(path)) {
                String[] example = Readme.EXAMPLE_PATHS.get(path).split(" ", 2);
                method = example[0];
                path = example[1];
            }
            if (method.equals("POST")) {
                path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            }
            assertThat(path.split("\\?")[0]).as("%s: give an example in Readme.EXAMPLE_PATHS", route.asWritten())
                    .doesNotContain("...");
            path = path.replace("...", "x-1").replaceAll("<[^>]+>", "r-1").replaceAll("\\{[^}]+}", "x-1");
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (noSuchRoute(answer)) {
                missing.add(route.asWritten() + " -> " + method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(missing).as("routes of the README's local-surface table that the stack does not have").isEmpty();
    }

    /** 404 from the gateway (no route) or from a mount that has no such endpoint; a 404 about an item is an answer. */
    private static boolean noSuchRoute(HttpResponse<String> answer) {
        if (answer.statusCode() != 404) {
            return false;
        }
        String body = answer.body();
        return body.equals("{\"message\":\"Not Found\"}") || body.contains("no such local endpoint")
                || body.contains("no such endpoint") || body.contains("no such LINK endpoint")
                || body.contains("no such SES v2 operation") || body.contains("use /local/vipps/app-gift");
    }

    private static int statusOf(String path) {
        try {
            return get(path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void adminRoutesNeedAValidTokenAndHealthDoesNot() throws Exception {
        eventually(() -> statusOf("/health") == 200, "the stack ready");
        assertThat(get("/admin/v1/contacts/D-0000001", null).statusCode()).isEqualTo(401);
        assertThat(get("/admin/v1/contacts/D-0000001", "not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(get("/admin/v1/contacts/D-0000001", token("other", "viewer")).statusCode())
                .as("another tenant's token sees nothing of demo").isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void segmentRoutesAreServedThroughTheGatewayAndPreviewTheDemoContacts() throws Exception {
        String editor = token("demo", "editor");
        eventually(() -> contactStatus(String.format("D-%07d", DEMO_CONTACTS - 1), editor) == 200, "the last demo contact");
        String criteria = "{\"field\":\"membership.status\",\"op\":\"equals\",\"value\":\"active\"}";

        HttpResponse<String> created = send("POST", "/admin/v1/segments", editor,
                "{\"id\":\"active-members\",\"name\":\"Aktive medlemmer\",\"criteria\":" + criteria + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode stored = MAPPER.readTree(get("/admin/v1/segments/active-members/preview", editor).body());
        JsonNode unsaved = MAPPER.readTree(send("POST", "/admin/v1/segments/preview", token("demo", "viewer"),
                "{\"criteria\":" + criteria + "}").body());
        assertThat(stored.get("count").asLong()).isPositive().isLessThanOrEqualTo(DEMO_CONTACTS + 5)
                .isEqualTo(unsaved.get("count").asLong());
        assertThat(stored.get("sample")).hasSize(10);
        assertThat(send("DELETE", "/admin/v1/segments/active-members", token("demo", "viewer"), "").statusCode())
                .isEqualTo(403);
        assertThat(get("/admin/v1/segments/active-members", token("other", "editor")).statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(get("/admin/v1/segment-fields", editor).body()).get("fields").size()).isGreaterThan(20);
    }

    @Test
    void theClockMovesForwardAndRefusesNonsense() throws Exception {
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/local/clock/advance?by=soon"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);

        var before = stack.clock().instant();
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/local/clock/advance?by=P7D"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, stack.clock().instant())).isGreaterThanOrEqualTo(Duration.ofDays(7));
    }

    @Test
    void anSmsRequestOnTheSendQueueIsSentOnceThroughTheLinkSandboxAndShowsInTheOutbox() throws Exception {
        String key = "demo:E-LOCAL-1:ask:1";
        new DynamoDbTemplateStore(stack.emulators().dynamoDb(), stack.resources().requireTableName("DefinitionsTable"))
                .save(LocalStack.DEMO_TENANT, new MessageTemplate("local-ask", SendChannel.SMS, "nb", null,
                        "Hei {{ firstName }}! Hilsen {{ organisation }}"));
        // SMS wait for the morning outside quiet hours; this test is about the pipeline, so it runs in the day.
        Daytime.moveIntoDaytime(stack.clock());
        String token = token("demo", "viewer");
        String contactId = smsRecipient();
        eventually(() -> contactStatus(contactId, token) == 200, "the demo contact");
        String phone = MAPPER.readTree(get("/admin/v1/contacts/" + contactId, token).body()).path("phone").asText(null);
        String request = SqsSendQueues.write(new SendRequest("demo", key, contactId, "E-LOCAL-1", "local", 1, "ask",
                "sms", null, "local-ask", "A", stack.clock().instant()));
        String queue = stack.resources().requireQueueUrl("SendSmsQueue");

        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));
        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));

        eventually(() -> outbox("demo").size() >= 1, "the SMS in the outbox");
        JsonNode sent = outbox("demo").get(0);
        assertThat(sent.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(sent.get("sender").asText()).isEqualTo("DemoOrganis");
        assertThat(sent.get("recipient").asText()).isEqualTo(phone);
        assertThat(sent.get("text").asText()).startsWith("Hei ").endsWith("! Hilsen Demo Organisation");
        assertThat(sent.get("parts").asInt()).isEqualTo(1);
        assertThat(get("/local/", null).body()).contains(key);
        assertThat(outbox("other")).isEmpty();
        // The second copy of the request is handled within a batching window; it must not reach LINK again.
        eventually(() -> stack.emulators().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .values().stream().allMatch("0"::equals), "the send queue to drain");
        long copies = 0;
        for (JsonNode message : outbox("demo")) {
            copies += message.get("idempotencyKey").asText().equals(key) ? 1 : 0;
        }
        assertThat(copies).isEqualTo(1);
    }

    /**
     * The first demo contact who said yes to SMS and did not ask not to be contacted: many demo contacts have
     * no mobile number or replied STOPP, and the send-time rules rightly refuse those.
     */
    private static String smsRecipient() {
        for (int n = 0; n < DEMO_CONTACTS; n++) {
            JsonNode contact = DemoContacts.contact(n);
            if (contact.hasNonNull("phone") && contact.path("consents").path("sms").path("granted").asBoolean(false)
                    && !contact.path("reservations").path("doNotContact").asBoolean(false)) {
                return contact.get("id").asText();
            }
        }
        throw new IllegalStateException("no demo contact said yes to SMS");
    }

    /**
     * The first demo contact with a mobile number who is an active member (the relationship that lets the
     * organisation chat without a recorded consent, § 15) and did not opt out of chat or contact altogether.
     */
    private static String chatRecipient() {
        for (int n = 0; n < DEMO_CONTACTS; n++) {
            JsonNode contact = DemoContacts.contact(n);
            boolean activeMember = false;
            for (JsonNode membership : contact.path("memberships")) {
                activeMember |= "active".equals(membership.path("status").asText());
            }
            if (contact.hasNonNull("phone") && contact.get("phone").asText().matches("\\+47[49].*") && activeMember
                    && contact.path("consents").path("chat").path("granted").asBoolean(true)
                    && !contact.path("reservations").path("doNotContact").asBoolean(false)) {
                return contact.get("id").asText();
            }
        }
        throw new IllegalStateException("no demo contact may get a chat message");
    }

    @Test
    void webhookRoutesAnswerThroughTheGatewayWithTheDevSecrets() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(no.dialog.local.sandbox.WebhookDevSecrets.WEBHOOK_SECRET
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String password = java.util.HexFormat.of().formatHex(mac.doFinal("link-sms:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String report = "{\"refId\":\"demo:nobody:ask:1\",\"id\":\"L-1\",\"resultCode\":1001,"
                + "\"timestamp\":\"2026-11-23T12:00:00Z\"}";

        HttpResponse<String> accepted = webhook("/webhooks/link-sms/demo", "link:" + password, report);
        HttpResponse<String> refused = webhook("/webhooks/link-sms/demo", "link:wrong", report);
        HttpResponse<String> badLink = get("/webhooks/unsubscribe/demo?token=nonsense", null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"unknown\":1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(badLink.body()).contains("lang=\"nb\"");
    }

    private static HttpResponse<String> webhook(String path, String credentials, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEmailRequestIsSentOnceThroughTheSesSandboxWithItsUnsubscribeLinkAndSesEventsOnTheBus() throws Exception {
        String key = "demo:E-LOCAL-MAIL-1:thanks:1";
        new DynamoDbTemplateStore(stack.emulators().dynamoDb(), stack.resources().requireTableName("DefinitionsTable"))
                .save(LocalStack.DEMO_TENANT, new MessageTemplate("local-thanks", SendChannel.EMAIL, "nb",
                        "Takk, {{ firstName }}!", "<p>Hei {{ firstName }}</p><p>Hilsen {{ organisation }}</p>"));
        String token = token("demo", "viewer");
        eventually(() -> contactStatus(String.format("D-%07d", 30), token) == 200, "the demo contacts");
        String contactId = null;
        String email = null;
        // Most demo contacts have an e-mail address; take the first that does.
        for (int n = 1; n <= 30 && email == null; n++) {
            contactId = String.format("D-%07d", n);
            email = MAPPER.readTree(get("/admin/v1/contacts/" + contactId, token).body()).path("email").asText(null);
        }
        assertThat(email).as("a demo contact with an e-mail address").isNotBlank();
        String request = SqsSendQueues.write(new SendRequest("demo", key, contactId, "E-LOCAL-MAIL-1", "local", 1,
                "thanks", "email", null, "local-thanks", "A", stack.clock().instant()));
        String queue = stack.resources().requireQueueUrl("SendEmailQueue");

        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));
        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));

        eventually(() -> outbox("demo", "email").size() >= 1, "the e-mail in the outbox");
        JsonNode sent = outbox("demo", "email").get(0);
        assertThat(sent.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(sent.get("recipient").asText()).isEqualToIgnoringCase(email);
        assertThat(sent.get("sender").asText()).isEqualTo("Demo Organisation <" + LocalStack.DEMO_EMAIL_FROM + ">");
        assertThat(sent.get("subject").asText()).startsWith("Takk, ");
        assertThat(sent.get("html").asText()).contains("Hilsen Demo Organisation")
                .contains(stack.baseUri().resolve("/webhooks/unsubscribe/demo?token=").toString());
        assertThat(sent.get("text").asText()).contains("Meld deg av: " + stack.baseUri().resolve("/webhooks/unsubscribe/demo"));
        String messageId = sent.get("providerMessageId").asText();
        HttpResponse<String> html = get("/sandbox/ses/outbox/" + messageId, null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Hilsen Demo Organisation");
        eventually(() -> demoEventTypes().containsAll(java.util.List.of("Email Sent", "Email Delivered")), "the SES events");
        eventually(() -> stack.emulators().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .values().stream().allMatch("0"::equals), "the e-mail queue to drain");
        long copies = 0;
        for (JsonNode message : outbox("demo", "email")) {
            copies += message.get("idempotencyKey").asText().equals(key) ? 1 : 0;
        }
        assertThat(copies).isEqualTo(1);
    }

    private static java.util.List<String> demoEventTypes() {
        try {
            return MAPPER.readTree(get("/local/events?tenant=demo", null).body()).findValues("detailType").stream()
                    .map(JsonNode::asText).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChatRequestIsSentThroughTheChatSandboxAndASimulatedReplyIsPostedToTheWebhookRoute() throws Exception {
        String key = "demo:E-LOCAL-CHAT:ask:1";
        new DynamoDbTemplateStore(stack.emulators().dynamoDb(), stack.resources().requireTableName("DefinitionsTable"))
                .save(LocalStack.DEMO_TENANT, new MessageTemplate("local-chat", SendChannel.CHAT, "nb", null,
                        "Hei {{ firstName }}! Er du fortsatt student? Svar JA eller NEI."));
        String token = token("demo", "viewer");
        String contactId = chatRecipient();
        eventually(() -> contactStatus(contactId, token) == 200, "the demo contact");
        String phone = MAPPER.readTree(get("/admin/v1/contacts/" + contactId, token).body()).path("phone").asText(null);
        String queue = stack.resources().requireQueueUrl("SendChatQueue");
        Daytime.moveIntoDaytime(stack.clock());

        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(SqsSendQueues.write(new SendRequest(
                "demo", key, contactId, "E-LOCAL-CHAT", "local", 1, "ask", "chat", null, "local-chat", "A",
                stack.clock().instant()))));

        eventually(() -> outbox("demo", "chat").size() >= 1, "the chat message in the outbox");
        JsonNode sent = outbox("demo", "chat").get(0);
        assertThat(sent.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(sent.get("recipient").asText()).isEqualTo(phone);
        assertThat(sent.get("sender").asText()).isEqualTo("DemoOrganis");

        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(
                        "/local/chat/reply?tenant=demo&messageId=" + sent.get("providerMessageId").asText()))
                .POST(HttpRequest.BodyPublishers.ofString("JA")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode result = MAPPER.readTree(reply.body());
        assertThat(result.get("webhook").asText()).isEqualTo(stack.baseUri().resolve("/webhooks/link-chat/demo")
                .toString());
        assertThat(result.path("posted").path("inReplyTo").asText()).isEqualTo(key);
        assertThat(result.path("posted").path("from").asText()).isEqualTo(phone);
        assertThat(result.path("webhookStatus").asInt()).as("the webhooks function took the reply").isEqualTo(200);
    }

    @Test
    void aNewsletterRequestAddsTheConsentingPersonToTheMakeSandboxListOnce() throws Exception {
        String key = "demo:E-LOCAL-NEWS:join:1";
        new DynamoDbTemplateStore(stack.emulators().dynamoDb(), stack.resources().requireTableName("DefinitionsTable"))
                .save(LocalStack.DEMO_TENANT, new MessageTemplate("local-news", SendChannel.NEWSLETTER, "nb", null,
                        String.valueOf(no.dialog.local.sandbox.MakeSandbox.NEWSLETTER_LIST)));
        var contacts = new no.dialog.aws.dynamodb.DynamoDbContactStore(stack.emulators().dynamoDb(),
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 1);
        try {
            contacts.upsert(LocalStack.DEMO_TENANT, new no.dialog.core.contact.Contact("T-NEWS-1",
                    stack.clock().instant(), "Nina", "Nyhetsbrev", null, null, "nina.nyhetsbrev@example.no", null, null,
                    null, null, null, null, java.util.Map.of(no.dialog.core.contact.Channel.NEWSLETTER,
                    new no.dialog.core.contact.Consent(true, "landing page", stack.clock().instant())), null, null));
        } finally {
            contacts.close();
        }
        String request = SqsSendQueues.write(new SendRequest("demo", key, "T-NEWS-1", "E-LOCAL-NEWS", "local", 1,
                "join", "newsletter", null, "local-news", "A", stack.clock().instant()));
        String queue = stack.resources().requireQueueUrl("SendNewsletterQueue");

        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));
        stack.emulators().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(request));

        eventually(() -> newsletterOutbox("nina.nyhetsbrev@example.no").size() >= 1, "the subscription in the outbox");
        eventually(() -> stack.emulators().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings()
                .values().stream().allMatch("0"::equals), "the newsletter queue to drain");
        List<JsonNode> shown = newsletterOutbox("nina.nyhetsbrev@example.no");
        assertThat(shown).as("one subscription, however often the request came").hasSize(1);
        assertThat(shown.get(0).get("sender").asText()).isEqualTo("Make list 1466 (Nyhetsbrev)");
        assertThat(shown.get(0).get("text").asText()).startsWith("added: Nina Nyhetsbrev, external_id T-NEWS-1");
    }

    private static List<JsonNode> newsletterOutbox(String email) {
        List<JsonNode> found = new java.util.ArrayList<>();
        outbox(null, "newsletter").forEach(m -> {
            if (m.get("recipient").asText().equals(email)) {
                found.add(m);
            }
        });
        return found;
    }

    private static JsonNode outbox(String tenant, String channel) {
        try {
            HttpResponse<String> outbox = get("/local/outbox?channel=" + channel
                    + (tenant == null ? "" : "&tenant=" + tenant), null);
            assertThat(outbox.statusCode()).isEqualTo(200);
            return MAPPER.readTree(outbox.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode outbox(String tenant) {
        try {
            HttpResponse<String> outbox = get("/local/outbox?tenant=" + tenant + "&channel=sms", null);
            assertThat(outbox.statusCode()).isEqualTo(200);
            return MAPPER.readTree(outbox.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
