package no.dialog.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The real admin API function with payloads from events/admin-api, against DynamoDB Local. */
class AdminApiFunctionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        ContactJson json = new ContactJson(CLOCK);
        ContactStore contacts = context.getBean(ContactStore.class);
        contacts.upsert(TenantId.of("demo"), json.read(
                "{\"id\":\"M-100001\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"Kari\",\"phone\":\"+4791234567\"}").contact());
        contacts.upsert(TenantId.of("other"), json.read(
                "{\"id\":\"M-100002\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"Other\"}").contact());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return EventLoader.loadApiGatewayHttpEvent(dir.resolve("events/admin-api").resolve(name).toString());
    }

    @Test
    void healthAnswersWithoutAToken() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("health.json"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"status\":\"ok\"");
    }

    @Test
    void eachRequestSetsTheLogContext() {
        APIGatewayV2HTTPEvent request = event("health.json");
        String apiRequestId = request.getRequestContext().getRequestId();
        Context lambda = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> "req-admin-1";
                    case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 1000;
                    default -> null;
                });
        MDC.put(LogKeys.TENANT, "left-from-an-earlier-request");

        function.handleRequest(request, lambda);

        assertThat(MDC.get(LogKeys.FUNCTION)).isEqualTo("admin-api");
        assertThat(MDC.get(LogKeys.REQUEST_ID)).isEqualTo("req-admin-1");
        assertThat(MDC.get(LogKeys.CORRELATION_ID)).as("API Gateway's request id").isEqualTo(apiRequestId).isNotNull();
        assertThat(MDC.get(LogKeys.TENANT)).isNull();
        MDC.clear();
    }

    @Test
    void staffReadAContactOfTheirOwnTenant() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("get-contact.json"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"firstName\":\"Kari\"").contains("\"phone\":\"+4791234567\"");
    }

    @Test
    void anotherTenantsContactLooksExactlyLikeAMissingOne() {
        APIGatewayV2HTTPEvent request = event("get-contact.json");
        request.setRawPath("/admin/v1/contacts/M-100002");
        request.getRequestContext().getHttp().setPath("/admin/v1/contacts/M-100002");
        request.setPathParameters(Map.of("id", "M-100002"));

        APIGatewayV2HTTPResponse response = function.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("no such contact").doesNotContain("Other");
    }

    @Test
    void aRequestWithoutVerifiedClaimsIsRefused() {
        APIGatewayV2HTTPEvent request = event("get-contact.json");
        request.getRequestContext().setAuthorizer(null);

        assertThat(function.handleRequest(request, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutAReadingRoleIsForbidden() {
        APIGatewayV2HTTPEvent request = event("get-contact.json");
        request.getRequestContext().getAuthorizer().getJwt().getClaims().put("roles", "[fundraiser-export]");

        APIGatewayV2HTTPResponse response = function.handleRequest(request, null);
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("viewer, editor or admin");
    }

    @Test
    void theFrameworksOwnErrorsAreProblemDetailsThatQuoteNothing() throws Exception {
        // Routes docs/openapi.yaml does not have, so through the function without the contract check.
        // Not closed here: it shares the class's context, which stop() closes.
        AdminApiFunction plain = new AdminApiFunction(context);
        APIGatewayV2HTTPResponse unknown = plain.handleRequest(ApiEvents.request("GET", "/admin/v1/no-such-thing/M-100001", null), null);
        APIGatewayV2HTTPResponse wrongMethod = plain.handleRequest(ApiEvents.request("PATCH", "/admin/v1/segments", "{}"), null);

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(wrongMethod.getStatusCode()).isEqualTo(405);
        for (APIGatewayV2HTTPResponse response : List.of(unknown, wrongMethod)) {
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(response.getBody());
            assertThat(problem.get("type").asText()).isEqualTo("about:blank");
            assertThat(problem.get("status").asInt()).isEqualTo(response.getStatusCode());
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(response.getBody()).doesNotContain("M-100001").doesNotContain("PATCH");
        }
    }

    @Test
    void rolesAsHttpApiPassesThemAreReadBackIntoAList() {
        assertThat(StaffIdentity.parseList("[editor viewer]")).containsExactly("editor", "viewer");
        assertThat(StaffIdentity.parseList("editor")).containsExactly("editor");
        assertThat(StaffIdentity.parseList("[\"editor\",\"admin\"]")).containsExactly("editor", "admin");
        assertThat(StaffIdentity.parseList(null)).isEmpty();
    }
}
