package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider credential routes through the real admin API function, against the local Secrets Manager endpoint. */
class ProvidersApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LINK = "{\"username\":\"org-user\",\"password\":\"pa55word-0001\"}";
    private static Emulators emulators;
    private static String prefix;
    private static ApplicationContext context;
    private static ContractCheckedFunction function;

    @BeforeAll
    static void start() {
        emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        prefix = "dialog/test-" + UUID.randomUUID().toString().substring(0, 8) + "/tenants/";
        env.put("TENANT_SECRETS_PREFIX", prefix);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        return function.handleRequest(request, null);
    }

    private static APIGatewayV2HTTPEvent admin(String method, String path, String body, String tenant) {
        return as(request(method, path, body), tenant, "admin");
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    @Test
    void anAdminSetsLinkCredentialsWhichAreStoredInSecretsManagerAndNeverShown() throws Exception {
        APIGatewayV2HTTPResponse put = call(withHeader(admin("PUT", "/admin/v1/providers/link", LINK, "org-a"),
                "If-None-Match", "*"));

        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(put.getBody()).doesNotContain("pa55word").doesNotContain("org-user");
        JsonNode stored = json(put);
        assertThat(stored.get("fingerprint").asText()).matches("sha256:[0-9a-f]{12}");
        assertThat(put.getHeaders()).containsEntry("ETag", "\"" + stored.get("revision").asText() + "\"");
        assertThat(emulators.secretsManager().getSecretValue(b -> b.secretId(prefix + "org-a/link")).secretString())
                .isEqualTo("{\"password\":\"pa55word-0001\",\"username\":\"org-user\"}");
        assertThat(context.getBean(ProviderCredentials.class).find(TenantId.of("org-a"), CredentialProvider.LINK))
                .contains(Map.of("username", "org-user", "password", "pa55word-0001"));

        APIGatewayV2HTTPResponse list = call(admin("GET", "/admin/v1/providers", null, "org-a"));
        assertThat(list.getStatusCode()).isEqualTo(200);
        assertThat(list.getBody()).doesNotContain("pa55word");
        JsonNode providers = json(list).get("providers");
        assertThat(providers.findValuesAsText("provider")).containsExactly("link", "make", "smtp", "vipps");
        assertThat(providers.get(0).get("configured").asBoolean()).isTrue();
        assertThat(providers.get(0).get("fingerprint").asText()).isEqualTo(stored.get("fingerprint").asText());
        assertThat(providers.get(0).get("revision").asText()).isEqualTo(stored.get("revision").asText());
        assertThat(providers.get(0).has("setAt")).isTrue();
        assertThat(providers.get(1).get("configured").asBoolean()).isFalse();

        assertThat(json(call(admin("GET", "/admin/v1/providers", null, "org-b"))).get("providers").get(0)
                .get("configured").asBoolean()).as("another tenant sees nothing of it").isFalse();
    }

    @Test
    void aChangeNamesTheRevisionItReplaces() throws Exception {
        String make = "{\"userId\":\"4711\",\"apiKey\":\"k-1\"}";
        APIGatewayV2HTTPResponse first = call(withHeader(admin("PUT", "/admin/v1/providers/make", make, "org-c"),
                "If-None-Match", "*"));
        String revision = json(first).get("revision").asText();

        assertThat(call(admin("PUT", "/admin/v1/providers/make", make, "org-c")).getStatusCode())
                .as("neither If-Match nor If-None-Match").isEqualTo(428);
        assertThat(call(withHeader(admin("PUT", "/admin/v1/providers/make", make, "org-c"), "If-None-Match", "*"))
                .getStatusCode()).as("set already").isEqualTo(412);
        APIGatewayV2HTTPResponse second = call(withHeader(admin("PUT", "/admin/v1/providers/make",
                "{\"userId\":\"4711\",\"apiKey\":\"k-2\"}", "org-c"), "If-Match", "\"" + revision + "\""));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
        assertThat(json(second).get("fingerprint").asText()).isNotEqualTo(json(first).get("fingerprint").asText());
        assertThat(call(withHeader(admin("PUT", "/admin/v1/providers/make", make, "org-c"), "If-Match",
                "\"" + revision + "\"")).getStatusCode()).as("a stale revision").isEqualTo(412);
    }

    @Test
    void wrongFieldsAreNamedByPathAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse refused = call(withHeader(admin("PUT", "/admin/v1/providers/vipps",
                "{\"clientId\":\"c\",\"clientSecret\":7,\"merchantSerialNumber\":\"12a\",\"pin\":\"1234\"}", "org-d"),
                "If-None-Match", "*"));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").findValuesAsText("path")).containsExactly("clientSecret");
        APIGatewayV2HTTPResponse rules = call(withHeader(admin("PUT", "/admin/v1/providers/vipps",
                "{\"clientId\":\"c\",\"merchantSerialNumber\":\"12a\",\"pin\":\"1234\"}", "org-d"),
                "If-None-Match", "*"));
        assertThat(rules.getStatusCode()).isEqualTo(400);
        assertThat(json(rules).get("errors").findValuesAsText("path"))
                .containsExactly("clientSecret", "subscriptionKey", "merchantSerialNumber", "pin");
        assertThat(rules.getBody()).doesNotContain("1234").doesNotContain("12a");
        assertThat(json(call(admin("GET", "/admin/v1/providers", null, "org-d"))).get("providers").get(3)
                .get("configured").asBoolean()).isFalse();
        assertThat(call(withHeader(admin("PUT", "/admin/v1/providers/paypal", LINK, "org-d"), "If-None-Match", "*"))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnAdminSeesOrChangesProviderCredentials() {
        for (String role : new String[] {"editor", "viewer"}) {
            APIGatewayV2HTTPResponse put = call(withHeader(as(request("PUT", "/admin/v1/providers/link", LINK),
                    "org-e", role), "If-None-Match", "*"));
            assertThat(put.getStatusCode()).as(role).isEqualTo(403);
            assertThat(call(as(request("GET", "/admin/v1/providers", null), "org-e", role)).getStatusCode())
                    .as(role).isEqualTo(403);
        }
        assertThat(emulators.secretsManager().listSecrets(b -> b.filters(f -> f.key("name")
                .values(prefix + "org-e/"))).secretList()).isEmpty();
    }
}
