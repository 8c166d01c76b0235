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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.FrequencyCaps;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET|PUT /admin/v1/settings} through the real admin API function, against DynamoDB Local. */
class SettingsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SETTINGS = """
            {"senderName": "Union", "quietHours": "09:00-20:00",
             "frequencyCaps": {"sms": {"limit": 2, "window": "P14D"}},
             "branding": {"colour": "#1f5f3f", "displayName": "Fagforbundet"},
             "landingLinkValidDays": 14, "giroAccount": "86011117947",
             "prices": {"sms": 45}, "register": {"bus": true}}""";
    private static ApplicationContext context;
    private static ContractCheckedFunction function;

    @BeforeAll
    static void start() {
        context = AdminApiEnvironment.start(AdminApiEnvironment.tables(SharedEmulators.get()), SharedEmulators.get(), CLOCK);
        function = new ContractCheckedFunction(context);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        for (String id : new String[] {"union", "union-b", "union-c", "union-d", "other"}) {
            tenants.createIfAbsent(new Tenant(TenantId.of(id), "Union", CLOCK.instant(), Map.of("email.from", "post@union.test")));
        }
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        return function.handleRequest(request, null);
    }

    private static APIGatewayV2HTTPResponse get(String tenant, String roles) {
        return call(as(request("GET", "/admin/v1/settings", null), tenant, roles));
    }

    private static APIGatewayV2HTTPResponse put(String tenant, String roles, String ifMatch, String body) {
        APIGatewayV2HTTPEvent event = as(request("PUT", "/admin/v1/settings", body), tenant, roles);
        return call(ifMatch == null ? event : withHeader(event, "If-Match", ifMatch));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    @Test
    void anAdminSetsTheSettingsOverTheRevisionReadAndTheSendersReadThem() throws Exception {
        APIGatewayV2HTTPResponse before = get("union", "[viewer]");
        assertThat(before.getStatusCode()).as(before.getBody()).isEqualTo(200);
        assertThat(before.getHeaders()).containsEntry("ETag", "\"0\"");
        assertThat(json(before).get("quietHours").isNull()).isTrue();

        APIGatewayV2HTTPResponse changed = put("union", "[admin]", "\"0\"", SETTINGS);

        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        assertThat(changed.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode after = json(get("union", "[editor]"));
        assertThat(after.get("revision").asLong()).isEqualTo(1);
        assertThat(after.get("senderName").asText()).isEqualTo("Union");
        assertThat(after.get("frequencyCaps").get("sms").get("window").asText()).isEqualTo("P14D");
        assertThat(after.get("prices").get("sms").asLong()).isEqualTo(45);
        // What the senders and the frequency cap read, and what the API does not own, kept:
        Tenant tenant = context.getBean(TenantDirectory.class).find(TenantId.of("union")).orElseThrow();
        assertThat(tenant.setting("quietHours")).contains("09:00-20:00");
        assertThat(tenant.setting("sms.sender")).contains("Union");
        assertThat(tenant.setting("letter.giroAccount")).contains("86011117947");
        assertThat(tenant.setting("email.from")).contains("post@union.test");
        assertThat(context.getBean(FrequencyCaps.class).capFor(TenantId.of("union"), SendChannel.SMS))
                .isEqualTo(new FrequencyCap(2, Duration.ofDays(14)));
        assertThat(json(get("other", "[admin]")).get("quietHours").isNull()).as("another tenant's settings").isTrue();
    }

    @Test
    void aStaleRevisionGets412AndAMissingOne428AndNothingChanges() throws Exception {
        assertThat(put("union-b", "[admin]", "\"0\"", "{\"quietHours\": \"10:00-18:00\"}").getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse stale = put("union-b", "[admin]", "\"0\"", "{\"quietHours\": \"08:00-12:00\"}");
        APIGatewayV2HTTPResponse missing = put("union-b", "[admin]", null, "{\"quietHours\": \"08:00-12:00\"}");
        APIGatewayV2HTTPResponse ahead = put("union-b", "[admin]", "W/\"7\"", "{\"quietHours\": \"08:00-12:00\"}");

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(missing.getStatusCode()).isEqualTo(428);
        assertThat(ahead.getStatusCode()).isEqualTo(412);
        JsonNode now = json(get("union-b", "[viewer]"));
        assertThat(now.get("revision").asLong()).isEqualTo(1);
        assertThat(now.get("quietHours").asText()).isEqualTo("10:00-18:00");
    }

    @Test
    void invalidSettingsGet400WithEveryProblemByPathAndNothingChanges() throws Exception {
        APIGatewayV2HTTPResponse response = put("union-c", "[admin]", "\"0\"", """
                {"senderName": "Fagforbundet Oslo", "branding": {"colour": "#ffcc00"},
                 "frequencyCaps": {"sms": {"limit": 1000, "window": "P7D"}}, "giroAccount": "12345678901"}""");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo("invalid settings");
        assertThat(body.get("errors").findValuesAsText("path")).containsExactlyInAnyOrder(
                "senderName", "branding.colour", "frequencyCaps.sms.limit", "giroAccount");
        assertThat(json(get("union-c", "[admin]")).get("revision").asLong()).isZero();
        assertThat(put("union-c", "[admin]", "\"0\"", "{not json").getStatusCode()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminChangesSettingsAndAnyStaffRoleReadsThem() {
        assertThat(put("union-d", "[editor viewer]", "\"0\"", "{}").getStatusCode()).isEqualTo(403);
        assertThat(put("union-d", "[platform-admin]", "\"0\"", "{}").getStatusCode()).isEqualTo(403);
        assertThat(get("union-d", "[]").getStatusCode()).isEqualTo(403);
        assertThat(get("union-d", "[viewer]").getStatusCode()).isEqualTo(200);
        assertThat(put("union-d", "[admin]", "\"0\"", "{}").getStatusCode()).isEqualTo(200);
        assertThat(get("nosuch", "[admin]").getStatusCode()).isEqualTo(404);
    }
}
