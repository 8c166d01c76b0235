package no.dialog.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /platform/v1/tenants} through the real admin API function: DynamoDB Local for the tenants,
 * and, where the template gives a staff user pool, WireMock speaking Cognito's JSON protocol.
 */
class PlatformTenantsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static WireMockServer cognito;
    private static ContractCheckedFunction withoutPool;
    private static ContractCheckedFunction withPool;
    private static ApplicationContext withoutPoolContext;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        withoutPoolContext = AdminApiEnvironment.start(AdminApiEnvironment.tables(emulators), emulators, CLOCK);
        withoutPool = new ContractCheckedFunction(withoutPoolContext);
        cognito = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cognito.start();
        Map<String, Object> env = new HashMap<>(AdminApiEnvironment.tables(emulators));
        env.put("STAFF_USER_POOL_ID", "eu-north-1_Pool1");
        env.put("AWS_ENDPOINT_OVERRIDE_COGNITO", cognito.baseUrl());
        withPool = new ContractCheckedFunction(AdminApiEnvironment.start(env, emulators, CLOCK));
    }

    @AfterAll
    static void stop() {
        withoutPool.close();
        withPool.close();
        cognito.stop();
    }

    private static APIGatewayV2HTTPResponse create(ContractCheckedFunction function, String roles, String body) {
        APIGatewayV2HTTPEvent event = as(request("POST", "/platform/v1/tenants", body), "demo", roles);
        return function.handleRequest(event, null);
    }

    private static String organisation(String id) {
        return MAPPER.createObjectNode().put("id", id).put("name", "Røde Kors").put("language", "nb")
                .put("adminEmail", "kari@redcross.test").toString();
    }

    @Test
    void theOperatorCreatesAnOrganisationOnceAndItsFirstAdminIsInvited() throws Exception {
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "CreateGroup"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Group\":{\"GroupName\":\"redcross:admin\"}}")));
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminCreateUser"))
                .willReturn(aResponse().withStatus(200).withBody("{\"User\":{\"Username\":\"u-1\",\"Enabled\":true}}")));
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminAddUserToGroup"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        APIGatewayV2HTTPResponse created = create(withPool, "[platform-admin]", organisation("redcross"));
        APIGatewayV2HTTPResponse again = create(withPool, "[platform-admin]", organisation("redcross"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/platform/v1/tenants/redcross");
        JsonNode body = MAPPER.readTree(created.getBody());
        assertThat(body.get("id").asText()).isEqualTo("redcross");
        assertThat(body.get("admin").get("invited").asBoolean()).isTrue();
        assertThat(body.get("admin").get("newUser").asBoolean()).isTrue();
        assertThat(body.get("admin").get("group").asText()).isEqualTo("redcross:admin");
        cognito.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminAddUserToGroup"))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"eu-north-1_Pool1\",\"Username\":\"kari@redcross.test\","
                        + "\"GroupName\":\"redcross:admin\"}", true, false)));
        assertThat(again.getStatusCode()).as("the id is taken; no one is invited again").isEqualTo(409);
    }

    @Test
    void withoutAUserPoolTheOrganisationIsCreatedAndTheAnswerSaysWhichGroupTheAdminNeeds() throws Exception {
        APIGatewayV2HTTPResponse created = create(withoutPool, "[platform-admin]", organisation("union"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode admin = MAPPER.readTree(created.getBody()).get("admin");
        assertThat(admin.get("invited").asBoolean()).isFalse();
        assertThat(admin.get("group").asText()).isEqualTo("union:admin");
        Tenant tenant = withoutPoolContext.getBean(TenantDirectory.class).find(TenantId.of("union")).orElseThrow();
        assertThat(tenant.name()).isEqualTo("Røde Kors");
        assertThat(tenant.setting("language")).contains("nb");
    }

    @Test
    void onlyThePlatformOperatorCreatesOrganisations() {
        assertThat(create(withoutPool, "[admin editor viewer]", organisation("sneaky")).getStatusCode()).isEqualTo(403);
        assertThat(withoutPoolContext.getBean(TenantDirectory.class).find(TenantId.of("sneaky"))).isEmpty();
    }

    @Test
    void anInvalidOrganisationGets400WithEveryProblemByPath() throws Exception {
        APIGatewayV2HTTPResponse response = create(withoutPool, "[platform-admin]",
                "{\"id\": \"Red Cross\", \"name\": \"\", \"language\": \"sv\", \"adminEmail\": \"kari\", \"plan\": \"gold\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.getBody()).get("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("id", "name", "language", "adminEmail", "plan");
        assertThat(create(withoutPool, "[platform-admin]", "{}").getStatusCode()).isEqualTo(400);
    }
}
