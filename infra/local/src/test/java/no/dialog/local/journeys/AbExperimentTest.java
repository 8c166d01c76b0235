package no.dialog.local.journeys;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.demo.DemoContacts;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The A/B example with a holdout (docs/examples/contact-ask-*) on the demo organisation's 5,000 people, through the
 * local stack: the segment, two SMS wordings and the journey with its experiment go in through the admin API; the
 * segmentation enrols the active members with a mobile number, 10% are held out; people answer through the local
 * switch for simulated answers, B's wording far more often; the results show each arm with its always-valid
 * interval and the decision "B better"; and the hourly auto-winner declares B.
 */
class AbExperimentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final String JOURNEY = "contact-ask";
    private static LocalStack stack;
    private static Path examples;

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        examples = template.getParent().resolve("docs/examples");
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String roles) throws Exception {
        return MAPPER.readTree(send("GET", "/local/token?tenant=demo&roles=" + roles, null, null).body())
                .get("token").asText();
    }

    private static String example(String name) throws Exception {
        return Files.readString(examples.resolve(name));
    }

    private static JsonNode results() {
        try {
            return MAPPER.readTree(send("GET", "/admin/v1/journeys/" + JOURNEY + "/results", token("viewer"), null).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version 1's experiment; null before anyone is counted. */
    private static JsonNode experiment() {
        JsonNode version = results().path("versions").path(0);
        return version.isMissingNode() ? null : version.get("experiment");
    }

    private static long arm(JsonNode experiment, String name, String field) {
        for (JsonNode arm : experiment.get("arms")) {
            if (arm.get("arm").asText().equals(name)) {
                return arm.get(field).asLong();
            }
        }
        return 0;
    }

    @Test
    void aTwoVariantJourneyWithAHoldoutShowsEachArmsIntervalAndDecidesAndTheAutoWinnerTakesB() throws Exception {
        Daytime.moveIntoDaytime(stack.clock());
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(DEMO, "Demo Organisation", stack.clock().instant()));
        ContactJson json = new ContactJson(Clock.systemUTC());
        List<Contact> demo = new ArrayList<>();
        for (int n = 1; n <= 5000; n++) {
            demo.add(json.read(DemoContacts.contact(n).toString()).contact());
        }
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        contacts.upsertAll(DEMO, demo);
        contacts.close();

        String editor = token("editor");
        assertThat(send("POST", "/admin/v1/segments", editor, example("members-with-phone.segment.json")).statusCode())
                .isEqualTo(201);
        long members = MAPPER.readTree(send("GET", "/admin/v1/segments/members-with-phone/preview", editor, null).body())
                .get("count").asLong();
        assertThat(members).as("enough people for 1,000 per arm").isGreaterThan(2_300);
        for (String name : List.of("contact-ask-a.template.json", "contact-ask-b.template.json")) {
            HttpResponse<String> template = send("POST", "/admin/v1/templates", editor, example(name));
            assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        }
        ObjectNode journey = (ObjectNode) MAPPER.readTree(example("contact-ask-journey.json"));
        journey.put("id", JOURNEY);
        HttpResponse<String> created = send("POST", "/admin/v1/journeys", editor, journey.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/" + JOURNEY + "/activate", editor, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        stack.clock().advance(Duration.ofMinutes(1));
        eventually(() -> {
            JsonNode experiment = experiment();
            return experiment != null && arm(experiment, "A", "n") + arm(experiment, "B", "n")
                    + arm(experiment, "holdout", "n") == members;
        }, "every member in an arm");
        JsonNode before = experiment();
        long held = arm(before, "holdout", "n");
        assertThat((double) held / members).as("the holdout's share").isBetween(0.07, 0.13);
        eventually(() -> results().get("totals").get("queued").asLong() == members - held, "an SMS queued for each in A or B");

        HttpResponse<String> simulated = send("POST", "/local/simulate/answers", null, """
                {"tenant":"demo","journeyId":"contact-ask","step":"ask","seed":7,
                 "rates":{"A":0.10,"B":0.16,"holdout":0.03},
                 "signal":{"type":"answered","attributes":{"question":"contact-ok","value":"same"}}}""");
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        JsonNode answered = MAPPER.readTree(simulated.body()).get("arms");
        long answers = answered.get("A").get("answered").asLong() + answered.get("B").get("answered").asLong()
                + answered.get("holdout").get("answered").asLong();
        eventually(() -> results().get("totals").get("goalReached").asLong() == answers, "every simulated answer counted");

        JsonNode experiment = experiment();
        assertThat(experiment.get("decision").asText()).as(experiment.toString()).isEqualTo("B better");
        assertThat(experiment.get("recommended").asText()).isEqualTo("B");
        assertThat(arm(experiment, "holdout", "conversions")).isEqualTo(answered.get("holdout").get("answered").asLong());
        JsonNode b = null;
        for (JsonNode arm : experiment.get("arms")) {
            if (arm.get("arm").asText().equals("B")) {
                b = arm;
            }
        }
        assertThat(b.get("conversions").asLong()).isEqualTo(answered.get("B").get("answered").asLong());
        JsonNode lift = b.get("lift").get("absolute");
        assertThat(lift.get("low").asDouble()).as("B's interval over A lies above zero").isPositive();
        assertThat(lift.get("high").asDouble()).isGreaterThan(lift.get("estimate").asDouble());
        assertThat(experiment.get("history")).isNotEmpty();

        // The hourly look declares B, recorded on the journey for new entrants.
        stack.clock().advance(Duration.ofHours(1));
        eventually(() -> {
            try {
                JsonNode head = MAPPER.readTree(send("GET", "/admin/v1/journeys/" + JOURNEY, token("viewer"), null).body());
                return "B".equals(head.path("winners").path("1").asText(null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the auto-winner declaring B");
        assertThat(experiment().get("winner").asText()).isEqualTo("B");
    }
}
