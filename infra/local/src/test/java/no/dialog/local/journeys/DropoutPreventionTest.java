package no.dialog.local.journeys;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.payment.DynamoDbPaymentLedger;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.demo.PlantedHistory;
import no.dialog.local.demo.PlantedPeople;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dropout-prevention example (docs/examples/dropout-prevention*) through the local stack, on 5,000 planted people
 * whose giving history is in the payment ledger: the train-models schedule publishes a dropout model that beats its
 * baseline, the scoring schedule writes the score table, a segment on the predicted decile previews a count, and the
 * journey enrols the top two deciles with a 10% holdout; the third month's charges reach the goal per arm.
 */
class DropoutPreventionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final String JOURNEY = "dropout-prevention";
    private static final int PLANTED = 5000;
    private static LocalStack stack;
    private static Path examples;

    @BeforeAll
    static void start() throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        examples = template.getParent().resolve("docs/examples");
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(DEMO, "Demo Organisation", stack.clock().instant()));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PlantedHistory.load(new PlantedPeople(OsloTime.today(stack.clock())), PLANTED, Set.of(),
                new DynamoDbPaymentLedger(dynamoDb, resources.requireTableName("PaymentsTable")), DEMO, file);
        ContactJson json = new ContactJson(Clock.systemUTC());
        List<Contact> people = new ArrayList<>();
        for (String line : file.toString(StandardCharsets.UTF_8).split("\n")) {
            people.add(json.read(line).contact());
        }
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        contacts.upsertAll(DEMO, people);
        contacts.close();
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

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> response = send("GET", path, token("admin"), null);
            return response.statusCode() == 200 ? MAPPER.readTree(response.body()) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the local clock to the next {@code day} (null: any day) at {@code time} in Oslo, plus a minute. */
    private static void advanceTo(DayOfWeek day, LocalTime time) {
        ZonedDateTime now = stack.clock().instant().atZone(OsloTime.ZONE);
        ZonedDateTime next = now.with(time).plusMinutes(1);
        while (!next.isAfter(now) || (day != null && next.getDayOfWeek() != day)) {
            next = next.plusDays(1);
        }
        stack.clock().advance(Duration.between(now, next));
    }

    private static JsonNode model(JsonNode models, String name) {
        for (JsonNode model : models.get("models")) {
            if (model.get("model").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no model " + name);
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
    void theDropoutModelIsTrainedAndScoredOnSchedulesAndTheJourneyRunsWithItsHoldout() throws Exception {
        advanceTo(DayOfWeek.SUNDAY, LocalTime.of(2, 0));
        eventually(() -> {
            JsonNode models = get("/admin/v1/predictions/models");
            return models != null && !model(models, "dropoutRisk").get("version").isNull();
        }, "the weekly training");
        JsonNode models = get("/admin/v1/predictions/models");
        JsonNode dropout = model(models, "dropoutRisk");
        assertThat(dropout.get("published").asBoolean()).as(dropout.toString()).isTrue();
        JsonNode evaluation = dropout.get("evaluation");
        assertThat(evaluation.get("auc").asDouble()).isGreaterThan(evaluation.get("baselineAuc").asDouble());
        assertThat(evaluation.get("reliability")).hasSize(10);
        assertThat(dropout.get("topFeatures")).isNotEmpty();
        assertThat(model(models, "responseSms").get("reason").asText()).contains("people in scope");

        advanceTo(null, LocalTime.of(3, 30));
        eventually(() -> {
            JsonNode scored = get("/admin/v1/predictions/models");
            return scored != null && scored.get("scores").isObject() && scored.get("scores").get("scored").asLong() > 0;
        }, "the nightly scoring");
        long scored = get("/admin/v1/predictions/models").get("scores").get("scored").asLong();

        String editor = token("editor");
        JsonNode preview = MAPPER.readTree(send("POST", "/admin/v1/segments/preview", editor, """
                {"criteria":{"all":[{"field":"donor.regular","op":"equals","value":true},
                  {"field":"predicted.dropoutRiskDecile","op":"greaterThan","value":7}]}}""").body());
        long eighthAndAbove = preview.get("count").asLong();
        assertThat((double) eighthAndAbove / scored).as("deciles 8-10 of the scored givers").isBetween(0.2, 0.4);

        assertThat(send("POST", "/admin/v1/segments", editor, Files.readString(examples.resolve(
                "dropout-risk-top.segment.json"))).statusCode()).isEqualTo(201);
        long top = MAPPER.readTree(send("GET", "/admin/v1/segments/dropout-risk-top/preview", editor, null).body())
                .get("count").asLong();
        assertThat(top).isPositive().isLessThan(eighthAndAbove);
        for (String name : List.of("dropout-thanks.template.json", "dropout-insight.template.json")) {
            HttpResponse<String> template = send("POST", "/admin/v1/templates", editor,
                    Files.readString(examples.resolve(name)));
            assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        }
        ObjectNode journey = (ObjectNode) MAPPER.readTree(Files.readString(examples.resolve(
                "dropout-prevention-journey.json")));
        journey.put("id", JOURNEY);
        HttpResponse<String> created = send("POST", "/admin/v1/journeys", editor, journey.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        advanceTo(null, LocalTime.of(12, 0));
        editor = token("editor");
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/" + JOURNEY + "/activate", editor, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        stack.clock().advance(Duration.ofMinutes(1));
        eventually(() -> {
            JsonNode results = get("/admin/v1/journeys/" + JOURNEY + "/results");
            JsonNode experiment = results == null ? null : results.path("versions").path(0).get("experiment");
            return experiment != null && arm(experiment, "A", "n") + arm(experiment, "holdout", "n") == top;
        }, "every top-decile giver in an arm");
        JsonNode experiment = get("/admin/v1/journeys/" + JOURNEY + "/results").get("versions").get(0).get("experiment");
        long held = arm(experiment, "holdout", "n");
        assertThat((double) held / top).as("the holdout's share").isBetween(0.03, 0.2);

        stack.clock().advance(Duration.ofDays(61));
        HttpResponse<String> charges = send("POST", "/local/simulate/answers", null, """
                {"tenant":"demo","journeyId":"dropout-prevention","step":"thanks","seed":16,
                 "rates":{"A":0.66,"holdout":0.60},
                 "signal":{"type":"paid","attributes":{"source":"vipps-recurring","kind":"gift"},"amountOre":20000}}""");
        assertThat(charges.statusCode()).as(charges.body()).isEqualTo(200);
        JsonNode arms = MAPPER.readTree(charges.body()).get("arms");
        long kept = arms.get("A").get("answered").asLong() + arms.get("holdout").get("answered").asLong();
        eventually(() -> get("/admin/v1/journeys/" + JOURNEY + "/results").get("totals").get("goalReached").asLong()
                == kept, "every third-month charge counted as the goal");
        JsonNode after = get("/admin/v1/journeys/" + JOURNEY + "/results").get("versions").get(0).get("experiment");
        assertThat(arm(after, "holdout", "conversions")).isEqualTo(arms.get("holdout").get("answered").asLong());
        assertThat(after.get("decision").asText()).isEqualTo("keep collecting");
        JsonNode holdout = null;
        for (JsonNode arm : after.get("arms")) {
            if (arm.get("arm").asText().equals("holdout")) {
                holdout = arm;
            }
        }
        assertThat(holdout.get("lift").get("absolute").get("high").asDouble())
                .isGreaterThan(holdout.get("lift").get("absolute").get("low").asDouble());
    }
}
