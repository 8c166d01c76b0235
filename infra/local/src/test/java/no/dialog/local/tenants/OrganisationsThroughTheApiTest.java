package no.dialog.local.tenants;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.LinkSandbox;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator sets up a second organisation and its admin sets its settings, through the local gateway with
 * dev tokens, the way the admin UI would: {@code POST /platform/v1/tenants}, then {@code GET|PUT
 * /admin/v1/settings} over the revision read. The tenant item in DynamoDB Local is what the senders read. Then an
 * organisation brings its own LINK account and its first SMS goes out through it.
 */
class OrganisationsThroughTheApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, Map<String, String> headers,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String tenant, String roles) throws Exception {
        HttpResponse<String> response = send("GET", "/local/token?tenant=" + tenant + "&roles="
                + URLEncoder.encode(roles, StandardCharsets.UTF_8), null, Map.of(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body()).get("token").asText();
    }

    @Test
    void theOperatorCreatesAnOrganisationAndItsAdminSetsItsSettings() throws Exception {
        String operator = token("demo", "platform-admin");
        String organisation = """
                {"id": "redcross", "name": "Røde Kors", "language": "nb", "adminEmail": "kari@redcross.test"}""";

        HttpResponse<String> created = send("POST", "/platform/v1/tenants", operator, Map.of(), organisation);
        HttpResponse<String> again = send("POST", "/platform/v1/tenants", operator, Map.of(), organisation);
        HttpResponse<String> byDemoAdmin = send("POST", "/platform/v1/tenants", token("demo", "admin"), Map.of(),
                organisation.replace("redcross", "sneaky"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/platform/v1/tenants/redcross");
        JsonNode admin = MAPPER.readTree(created.body()).get("admin");
        assertThat(admin.get("group").asText()).isEqualTo("redcross:admin");
        assertThat(admin.get("invited").asBoolean()).as("the local stack is an external issuer: no user pool").isFalse();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(byDemoAdmin.statusCode()).isEqualTo(403);

        String redcrossAdmin = token("redcross", "admin");
        HttpResponse<String> read = send("GET", "/admin/v1/settings", redcrossAdmin, Map.of(), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");

        String settings = """
                {"senderName": "RodeKors", "quietHours": "09:00-20:00",
                 "frequencyCaps": {"sms": {"limit": 2, "window": "P14D"}},
                 "branding": {"colour": "#b00000", "displayName": "Røde Kors"},
                 "landingLinkValidDays": 21, "giroAccount": "8601 11 17947", "prices": {"sms": 45}}""";
        HttpResponse<String> byEditor = send("PUT", "/admin/v1/settings", token("redcross", "editor"),
                Map.of("If-Match", "\"0\""), settings);
        HttpResponse<String> changed = send("PUT", "/admin/v1/settings", redcrossAdmin, Map.of("If-Match", "\"0\""), settings);
        HttpResponse<String> stale = send("PUT", "/admin/v1/settings", redcrossAdmin, Map.of("If-Match", "\"0\""),
                "{\"quietHours\": \"10:00-11:00\"}");

        assertThat(byEditor.statusCode()).isEqualTo(403);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode now = MAPPER.readTree(send("GET", "/admin/v1/settings", token("redcross", "viewer"), Map.of(), null).body());
        assertThat(now.get("senderName").asText()).isEqualTo("RodeKors");
        assertThat(now.get("giroAccount").asText()).isEqualTo("86011117947");
        // The item the senders read (Tenant settings, frequencyCaps), and the demo organisation untouched:
        Map<String, AttributeValue> item = stack.emulators().dynamoDb().getItem(b -> b
                .tableName(stack.resources().requireTableName("TenantsTable"))
                .key(Map.of("tenant", AttributeValue.fromS("redcross")))).item();
        assertThat(item.get("name").s()).isEqualTo("Røde Kors");
        assertThat(item.get("settings").m()).containsEntry("quietHours", AttributeValue.fromS("09:00-20:00"))
                .containsEntry("sms.sender", AttributeValue.fromS("RodeKors"))
                .containsEntry("language", AttributeValue.fromS("nb"));
        assertThat(item.get("frequencyCaps").m().get("sms").m()).containsEntry("window", AttributeValue.fromS("P14D"));
        HttpResponse<String> demo = send("GET", "/admin/v1/settings", token("demo", "viewer"), Map.of(), null);
        assertThat(demo.body()).doesNotContain("RodeKors").doesNotContain("09:00-20:00");
    }

    /**
     * The audit log through the local stack (docs/adr/0027-audit.md): the organisation's creation is in its own log
     * under the operator's subject, and each settings change, refused ones included, under its admin's or editor's,
     * with the revisions; another organisation's admin sees none of it.
     */
    @Test
    void whoCreatedAnOrganisationAndChangedItsSettingsIsInItsAuditLog() throws Exception {
        String operator = token("demo", "platform-admin");
        HttpResponse<String> created = send("POST", "/platform/v1/tenants", operator, Map.of(), """
                {"id": "audited", "name": "Revidert", "language": "nb", "adminEmail": "kari@audited.test"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String admin = token("audited", "admin");
        assertThat(send("PUT", "/admin/v1/settings", token("audited", "editor"), Map.of("If-Match", "\"0\""),
                "{\"senderName\": \"Revidert\"}").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/admin/v1/settings", admin, Map.of("If-Match", "\"0\""),
                "{\"senderName\": \"Revidert\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> listed = send("GET", "/admin/v1/audit", admin, Map.of(), null);

        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode entries = MAPPER.readTree(listed.body()).get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(entries.get(0).get("route").asText()).isEqualTo("/admin/v1/settings");
        assertThat(entries.get(0).get("revisionBefore").asLong()).isZero();
        assertThat(entries.get(0).get("revisionAfter").asLong()).isEqualTo(1);
        assertThat(entries.get(1).get("status").asInt()).isEqualTo(403);
        assertThat(entries.get(2).get("route").asText()).isEqualTo("/platform/v1/tenants");
        assertThat(entries.get(2).get("access").asText()).isEqualTo("platform");
        assertThat(entries.get(2).get("objectId").asText()).isEqualTo("audited");
        assertThat(entries.get(2).get("subject").asText()).isNotEmpty();
        assertThat(listed.body()).doesNotContain("Revidert", "kari@audited.test");
        JsonNode demo = MAPPER.readTree(send("GET", "/admin/v1/audit", token("demo", "admin"), Map.of(), null).body());
        assertThat(demo.get("entries").toString()).doesNotContain("audited");
    }

    /**
     * Issue 13's end-to-end: the organisation created above brings its own LINK account; its admin stores the
     * credentials through the API (they go to the local Secrets Manager endpoint, never to DynamoDB or an
     * environment), and its first journey's SMS goes out through that account, under its sender name.
     */
    @Test
    void theNewOrganisationsFirstSmsGoesThroughItsOwnLinkAccount() throws Exception {
        Daytime.moveIntoDaytime(stack.clock());
        String operator = token("demo", "platform-admin");
        HttpResponse<String> created = send("POST", "/platform/v1/tenants", operator, Map.of(), """
                {"id": "kirkens", "name": "Kirkens Hjelp", "language": "nb", "adminEmail": "ola@kirkens.test"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String admin = token("kirkens", "admin");
        HttpResponse<String> settings = send("PUT", "/admin/v1/settings", admin, Map.of("If-Match", "\"0\""),
                "{\"senderName\": \"KirkensH\"}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);

        // LINK Support opens the organisation's account (the sandbox's accounts endpoint stands in for them).
        HttpResponse<String> account = send("POST", LinkSandbox.MOUNT + "/accounts", null, Map.of(),
                "{\"username\": \"kirkens-sms\", \"password\": \"kirkens-own-password\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        HttpResponse<String> byEditor = send("PUT", "/admin/v1/providers/link", token("kirkens", "editor"),
                Map.of("If-None-Match", "*"), "{\"username\": \"kirkens-sms\", \"password\": \"kirkens-own-password\"}");
        HttpResponse<String> stored = send("PUT", "/admin/v1/providers/link", admin, Map.of("If-None-Match", "*"),
                "{\"username\": \"kirkens-sms\", \"password\": \"kirkens-own-password\"}");
        assertThat(byEditor.statusCode()).isEqualTo(403);
        assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);
        assertThat(stored.body()).doesNotContain("kirkens-own-password");
        HttpResponse<String> listed = send("GET", "/admin/v1/providers", admin, Map.of(), null);
        assertThat(listed.body()).contains("link").doesNotContain("kirkens-own-password");
        // Where the password is: the local Secrets Manager endpoint, not the tenants table.
        assertThat(stack.emulators().dynamoDb().getItem(b -> b
                .tableName(stack.resources().requireTableName("TenantsTable"))
                .key(Map.of("tenant", AttributeValue.fromS("kirkens")))).item().toString())
                .doesNotContain("kirkens-own-password");

        var dynamoDb = stack.emulators().dynamoDb();
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb,
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 2);
        ContactJson json = new ContactJson(stack.clock());
        contacts.upsertAll(TenantId.of("kirkens"), List.of(json.read("""
                {"id": "K-1", "updatedAt": "2026-11-01T10:00:00Z", "firstName": "Kari", "phone": "+4791234570",
                 "memberships": [{"type": "student", "status": "active", "examDate": "2026-06-15"}]}""").contact()));
        contacts.close();
        String editor = token("kirkens", "editor");
        for (String[] call : new String[][] {{"/admin/v1/segments", "students-past-exam.segment.json"},
                {"/admin/v1/templates", "student-ask.template.json"}, {"/admin/v1/templates", "student-remind.template.json"}}) {
            HttpResponse<String> made = send("POST", call[0], editor, Map.of(), example(call[1]));
            assertThat(made.statusCode()).as(call[1] + ": " + made.body()).isEqualTo(201);
        }
        HttpResponse<String> journey = send("POST", "/admin/v1/journeys", editor, Map.of(), example("student-journey.json"));
        assertThat(journey.statusCode()).as(journey.body()).isEqualTo(201);
        String journeyId = MAPPER.readTree(journey.body()).get("id").asText();
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/" + journeyId + "/activate", editor, Map.of(), null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        stack.clock().advance(Duration.ofMinutes(1));
        eventually(() -> !stack.outbox().newest("kirkens", "sms", 10).isEmpty(), "the organisation's first SMS");
        assertThat(stack.outbox().newest("kirkens", "sms", 10)).hasSize(1)
                .extracting(OutboxMessage::sender).containsOnly("KirkensH");
        JsonNode accounts = MAPPER.readTree(send("GET", LinkSandbox.MOUNT + "/accounts", null, Map.of(), null).body());
        long sentByOwnAccount = 0;
        for (JsonNode each : accounts) {
            if (each.get("username").asText().equals("kirkens-sms")) {
                sentByOwnAccount = each.get("sent").asLong();
            }
        }
        assertThat(sentByOwnAccount).as("sent through the organisation's own LINK account").isEqualTo(1);
    }

    private static String example(String name) throws Exception {
        return Files.readString(TemplateFiles.findFromWorkingDirectory().toAbsolutePath().getParent()
                .resolve("docs/examples").resolve(name));
    }
}
