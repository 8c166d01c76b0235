package no.dialog.local.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator sets up a second organisation and its admin sets its settings, through the local gateway with
 * dev tokens, the way the admin UI would: {@code POST /platform/v1/tenants}, then {@code GET|PUT
 * /admin/v1/settings} over the revision read. The tenant item in DynamoDB Local is what the senders read.
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
}
