package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journey library routes through the real admin API function, against DynamoDB Local. */
class LibraryApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId PRICED = TenantId.of("priced");
    private static final TenantId BARE = TenantId.of("bare");
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        context = AdminApiEnvironment.start(AdminApiEnvironment.tables(emulators), emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        tenants.createIfAbsent(new Tenant(PRICED, "Naturvernforbundet", CLOCK.instant(), Map.of(
                "email.from", "post@naturvern.test", "sms.sender", "Naturvern",
                "price.sms", "45", "price.email", "2000", "price.telemarketing", "3500")));
        tenants.createIfAbsent(new Tenant(BARE, "Bare", CLOCK.instant()));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(String method, String path, String body, TenantId tenant, String roles) {
        return function.handleRequest(as(request(method, path, body), tenant.value(), roles), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    @Test
    void anyStaffRoleListsTheTenJourneysWithTheirStageGoalChannelsAndSuggestedExperiment() throws Exception {
        APIGatewayV2HTTPResponse response = call("GET", "/admin/v1/library", null, BARE, "[viewer]");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode items = json(response).get("items");
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).containsExactly("welcome", "payment-reminder", "new-member-payment", "regular-giver", "upgrade",
                "renewal", "insight", "dropout-prevention", "win-back", "rekindling");
        JsonNode reminder = items.get(1);
        assertThat(reminder.get("name").get("en").asText()).isEqualTo("Payment reminder");
        assertThat(reminder.get("channels").toString()).isEqualTo("[\"sms\",\"email\",\"telemarketing\"]");
        assertThat(reminder.get("goalSignal").get("signal").get("type").asText()).isEqualTo("paid");
        assertThat(reminder.get("suggestedExperiment").toString()).isEqualTo("{\"step\":\"remind-sms\","
                + "\"metric\":\"goal-conversion\",\"guardrails\":[\"opt-out-rate\",\"cost\"],\"holdoutPercent\":10,"
                + "\"autoWinner\":false}");
        assertThat(call("GET", "/admin/v1/library", null, BARE, "[]").getStatusCode()).isEqualTo(403);
    }

    @Test
    void anEditorGetsADraftCopyWithTheOrganisationsSenderAndPricesThatCanBeActivated() throws Exception {
        APIGatewayV2HTTPResponse response = call("POST", "/admin/v1/library/payment-reminder/instantiate", null,
                PRICED, "[editor]");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode copy = json(response);
        assertThat(copy.get("journeyId").asText()).isEqualTo("payment-reminder");
        assertThat(copy.get("status").asText()).isEqualTo("DRAFT");
        assertThat(copy.get("templateIds").toString()).isEqualTo("[\"payment-reminder-last-call\","
                + "\"payment-reminder-remind-mail\",\"payment-reminder-remind-sms-a\",\"payment-reminder-remind-sms-b\"]");
        assertThat(copy.get("sender").get("smsSender").asText()).isEqualTo("Naturvern");
        assertThat(copy.get("sender").get("emailFrom").asText()).isEqualTo("post@naturvern.test");
        JsonNode cost = copy.get("costPerPerson");
        int smsParts = 0;
        for (JsonNode line : cost.get("channels")) {
            if (line.get("channel").asText().equals("sms")) {
                smsParts = line.get("units").asInt();
            }
        }
        assertThat(smsParts).isPositive();
        // Øre per SMS part, per thousand e-mails, per call: 2 øre an e-mail.
        assertThat(cost.get("perPersonOre").asLong()).isEqualTo(45L * smsParts + 2 + 3500);
        assertThat(cost.get("perThousandPeopleOre").asLong()).isEqualTo(1000 * (45L * smsParts + 3500) + 2000);
        assertThat(cost.get("missingPrices")).isEmpty();
        assertThat(copy.get("warnings")).isEmpty();
        assertThat(copy.get("suggestedExperiment").get("step").asText()).isEqualTo("remind-sms");

        // Stored in the organisation: segment, templates signed with its name, and a draft journey.
        assertThat(context.getBean(SegmentStore.class).find(PRICED, "payment-reminder")).isPresent();
        MessageTemplate sms = context.getBean(TemplateStore.class).find(PRICED, "payment-reminder-remind-sms-a")
                .orElseThrow();
        assertThat(sms.language()).isEqualTo("nb");
        assertThat(sms.body()).contains("Hilsen Naturvernforbundet").doesNotContain("$sender$");
        assertThat(context.getBean(JourneyStore.class).head(PRICED, "payment-reminder").orElseThrow().status())
                .isEqualTo(JourneyStatus.DRAFT);
        APIGatewayV2HTTPResponse activated = call("POST", "/admin/v1/journeys/payment-reminder/activate", null,
                PRICED, "[editor]");
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);

        // Twice with the same ids: refused, naming what is taken, and nothing changes.
        APIGatewayV2HTTPResponse again = call("POST", "/admin/v1/library/payment-reminder/instantiate", "{}", PRICED,
                "[editor]");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("journey payment-reminder", "template payment-reminder-last-call");

        // A second copy in English under its own id.
        APIGatewayV2HTTPResponse english = call("POST", "/admin/v1/library/payment-reminder/instantiate",
                "{\"id\":\"reminder-en\",\"language\":\"en\"}", PRICED, "[admin]");
        assertThat(english.getStatusCode()).as(english.getBody()).isEqualTo(201);
        assertThat(context.getBean(TemplateStore.class).find(PRICED, "reminder-en-remind-sms-a").orElseThrow().body())
                .startsWith("Hi {{ firstName }}!").contains("Best wishes, Naturvernforbundet");
        assertThat(context.getBean(JourneyStore.class).head(PRICED, "reminder-en").orElseThrow().name())
                .isEqualTo("Payment reminder");
        assertThat(context.getBean(JourneyStore.class).version(PRICED, "reminder-en", 1).orElseThrow().has("experiment"))
                .as("without asking, the suggestion stays a suggestion").isFalse();

        // A copy that runs its suggested experiment, holdout and all.
        APIGatewayV2HTTPResponse tested = call("POST", "/admin/v1/library/payment-reminder/instantiate",
                "{\"id\":\"reminder-ab\",\"experiment\":true}", PRICED, "[editor]");
        assertThat(tested.getStatusCode()).as(tested.getBody()).isEqualTo(201);
        JsonNode experiment = context.getBean(JourneyStore.class).version(PRICED, "reminder-ab", 1).orElseThrow()
                .get("experiment");
        assertThat(experiment.get("step").asText()).isEqualTo("remind-sms");
        assertThat(experiment.get("holdoutPercent").asInt()).isEqualTo(10);
        assertThat(call("POST", "/admin/v1/journeys/reminder-ab/activate", null, PRICED, "[editor]").getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void withoutPricesOrAnEmailSenderTheCopySaysWhatIsMissing() throws Exception {
        APIGatewayV2HTTPResponse response = call("POST", "/admin/v1/library/welcome/instantiate", null, BARE, "[editor]");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode copy = json(response);
        assertThat(copy.get("costPerPerson").get("perPersonOre").asLong()).isZero();
        assertThat(copy.get("costPerPerson").get("missingPrices").toString()).isEqualTo("[\"sms\",\"email\"]");
        assertThat(copy.get("warnings").toString()).contains("email.from", "price list");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        APIGatewayV2HTTPResponse unknown = call("POST", "/admin/v1/library/no-such/instantiate", null, BARE, "[editor]");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("no journey with this id in the library");

        APIGatewayV2HTTPResponse viewer = call("POST", "/admin/v1/library/renewal/instantiate", null, BARE, "[viewer]");
        assertThat(viewer.getStatusCode()).isEqualTo(403);

        APIGatewayV2HTTPResponse invalid = call("POST", "/admin/v1/library/renewal/instantiate",
                "{\"id\":\"Renewal!\",\"language\":\"de\",\"colour\":\"red\"}", BARE, "[editor]");
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").toString()).contains("colour");
        APIGatewayV2HTTPResponse badValues = call("POST", "/admin/v1/library/renewal/instantiate",
                "{\"id\":\"Renewal!\",\"language\":\"de\"}", BARE, "[editor]");
        assertThat(badValues.getStatusCode()).isEqualTo(400);
        assertThat(json(badValues).get("errors").toString()).contains("\"id\"", "\"language\"");
        APIGatewayV2HTTPResponse notJson = call("POST", "/admin/v1/library/renewal/instantiate", "{", BARE, "[editor]");
        assertThat(notJson.getStatusCode()).isEqualTo(400);

        assertThat(context.getBean(SegmentStore.class).find(BARE, "renewal")).isEmpty();
        assertThat(context.getBean(JourneyStore.class).head(BARE, "renewal")).isEmpty();
        assertThat(context.getBean(TemplateStore.class).find(BARE, "renewal-renew-sms")).isEmpty();
    }
}
