package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.load;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withHeader;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journey routes through the real admin API function, against DynamoDB Local. */
class JourneysApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static ApplicationContext context;
    private static AdminApiFunction function;
    /** docs/examples/student-journey.json: campaign on students-past-exam, sms steps ask and remind. */
    private static ObjectNode studentJourney;

    @BeforeAll
    static void start() throws Exception {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("docs/examples"))) {
            dir = dir.getParent();
        }
        studentJourney = (ObjectNode) MAPPER.readTree(dir.resolve("docs/examples/student-journey.json").toFile());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        return function.handleRequest(request, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    private static APIGatewayV2HTTPResponse post(String path) {
        return call(request("POST", path, null));
    }

    private static APIGatewayV2HTTPResponse put(String id, JsonNode definition, String ifMatch) {
        APIGatewayV2HTTPEvent event = request("PUT", "/admin/v1/journeys/" + id, definition.toString());
        return call(ifMatch == null ? event : withHeader(event, "If-Match", ifMatch));
    }

    private static ObjectNode journey(String id) {
        return studentJourney.deepCopy().put("id", id);
    }

    private static ObjectNode withoutId(JsonNode journey) {
        ObjectNode copy = (ObjectNode) journey.deepCopy();
        copy.remove("id");
        return copy;
    }

    /** The step with that id in a definition's steps array. */
    private static ObjectNode step(ObjectNode definition, String id) {
        for (JsonNode step : definition.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return (ObjectNode) step;
            }
        }
        throw new AssertionError("no step " + id);
    }

    private static void sms(String id) {
        APIGatewayV2HTTPResponse created = call(request("POST", "/admin/v1/templates", MAPPER.createObjectNode()
                .put("id", id).put("channel", "sms").put("body", "Hei {{ firstName }}: {{ link }}").toString()));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    }

    private static void segment(String id) {
        context.getBean(SegmentStore.class).create(DEMO, new SegmentDefinition(id, id,
                MAPPER.createObjectNode().put("field", "membership.type").put("op", "equals").put("value", "student"),
                CLOCK.instant()));
    }

    /** A journey like the example, with its own segment and templates, created and activated. */
    private static JsonNode activeJourney(String id) throws Exception {
        ObjectNode definition = journey(id);
        ((ObjectNode) definition.get("trigger")).put("segmentId", id + "-segment");
        step(definition, "ask").put("templateId", id + "-ask");
        step(definition, "remind").put("templateId", id + "-remind");
        segment(id + "-segment");
        sms(id + "-ask");
        sms(id + "-remind");
        APIGatewayV2HTTPResponse created = call(request("POST", "/admin/v1/journeys", definition.toString()));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        APIGatewayV2HTTPResponse activated = post("/admin/v1/journeys/" + id + "/activate");
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);
        return json(activated);
    }

    @Test
    void theStudentJourneyGoesFromDraftThroughRefusedAndGrantedActivationToVersionTwoPausedResumedAndEnded() throws Exception {
        APIGatewayV2HTTPResponse created = call(load("create-journey.json"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode draft = json(created);
        assertThat(draft.get("id").asText()).isEqualTo("student-check");
        assertThat(draft.get("name").asText()).isEqualTo("Er du fortsatt student?");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(draft.get("activeVersion").asInt()).isZero();
        assertThat(draft.get("definition")).as("the example is canonical, so it is stored as sent").isEqualTo(studentJourney);
        assertThat(created.getHeaders()).containsEntry("Location", "/admin/v1/journeys/student-check")
                .containsEntry("ETag", "\"1\"");

        // Neither template nor segment exists: every problem at once, by step; nothing changes.
        APIGatewayV2HTTPResponse refused = call(load("activate-journey.json"));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(422);
        JsonNode problems = json(refused).get("errors");
        assertThat(json(refused).get("title").asText()).isEqualTo("journey cannot be activated");
        assertThat(problems.findValuesAsText("path"))
                .containsExactlyInAnyOrder("steps.ask.templateId", "steps.remind.templateId", "trigger.segmentId");
        assertThat(problems.toString()).contains("has no sms template with this id");
        JsonNode stillDraft = json(call(request("GET", "/admin/v1/journeys/student-check", null)));
        assertThat(stillDraft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(stillDraft.get("revision").asLong()).isEqualTo(1);

        // An e-mail template with the right id is still not an SMS template.
        sms("student-ask");
        call(request("POST", "/admin/v1/templates", "{\"id\":\"student-remind\",\"channel\":\"email\","
                + "\"subject\":\"Hei\",\"body\":\"<p>{{ link }}</p>\"}"));
        segment("students-past-exam");
        APIGatewayV2HTTPResponse wrongChannel = call(load("activate-journey.json"));
        assertThat(wrongChannel.getStatusCode()).isEqualTo(422);
        assertThat(json(wrongChannel).get("errors").findValuesAsText("path")).containsExactly("steps.remind.templateId");

        APIGatewayV2HTTPResponse fixed = call(request("PUT", "/admin/v1/templates/student-remind",
                "{\"channel\":\"sms\",\"body\":\"Hei igjen {{ firstName }}: {{ link }}\"}"));
        assertThat(fixed.getStatusCode()).as(fixed.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse activated = call(load("activate-journey.json"));
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);
        assertThat(json(activated).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(json(activated).get("activeVersion").asInt()).isEqualTo(1);
        assertThat(json(activated).get("revision").asLong()).isEqualTo(2);
        assertThat(activated.getHeaders()).containsEntry("ETag", "\"2\"");

        // Editing the active journey writes version 2 and runs it at once; version 1 stays readable.
        ObjectNode shorter = withoutId(studentJourney);
        step(shorter, "wait-again").put("duration", "P5D");
        APIGatewayV2HTTPResponse edited = put("student-check", shorter, "\"2\"");
        assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
        JsonNode v2 = json(edited);
        assertThat(v2.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(v2.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(v2.get("activeVersion").asInt()).isEqualTo(2);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(step((ObjectNode) json(call(request("GET", "/admin/v1/journeys/student-check", null)))
                .get("definition"), "wait-again").get("duration").asText()).isEqualTo("P5D");
        JsonNode v1 = json(call(withQuery(request("GET", "/admin/v1/journeys/student-check", null), "version", "1")));
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(step((ObjectNode) v1.get("definition"), "wait-again").get("duration").asText()).isEqualTo("P7D");

        // A stale revision loses; so does an edit that could not run, and neither changes anything.
        APIGatewayV2HTTPResponse stale = put("student-check", studentJourney, "\"2\"");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(json(stale).get("detail").asText()).contains("changed by someone else since revision 2");
        ObjectNode broken = withoutId(studentJourney);
        step(broken, "remind").put("next", "nowhere");
        APIGatewayV2HTTPResponse cannotRun = put("student-check", broken, v2.get("revision").asText());
        assertThat(cannotRun.getStatusCode()).isEqualTo(422);
        // The dangling edge, and the step it no longer leads to.
        assertThat(json(cannotRun).get("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("steps.remind.next", "steps.wait-again");
        JsonNode unchanged = json(call(request("GET", "/admin/v1/journeys/student-check", null)));
        assertThat(unchanged.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(unchanged.get("revision").asLong()).isEqualTo(v2.get("revision").asLong());

        // The running journey's templates keep their channel and cannot be deleted; their text may change.
        assertThat(call(request("DELETE", "/admin/v1/templates/student-ask", null)).getStatusCode()).isEqualTo(409);
        APIGatewayV2HTTPResponse toEmail = call(request("PUT", "/admin/v1/templates/student-ask",
                "{\"channel\":\"email\",\"subject\":\"Hei\",\"body\":\"<p>{{ link }}</p>\"}"));
        assertThat(toEmail.getStatusCode()).isEqualTo(409);
        assertThat(json(toEmail).get("detail").asText()).contains("student-check on sms");
        assertThat(call(request("PUT", "/admin/v1/templates/student-ask",
                "{\"channel\":\"sms\",\"body\":\"Ny tekst: {{ link }}\"}")).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse paused = post("/admin/v1/journeys/student-check/pause");
        assertThat(paused.getStatusCode()).as(paused.getBody()).isEqualTo(200);
        assertThat(json(paused).get("status").asText()).isEqualTo("PAUSED");
        assertThat(post("/admin/v1/journeys/student-check/pause").getStatusCode()).isEqualTo(409);
        assertThat(post("/admin/v1/journeys/student-check/activate").getStatusCode())
                .as("a paused journey is resumed, not activated").isEqualTo(409);
        APIGatewayV2HTTPResponse resumed = post("/admin/v1/journeys/student-check/resume");
        assertThat(resumed.getStatusCode()).as(resumed.getBody()).isEqualTo(200);
        assertThat(json(resumed).get("status").asText()).isEqualTo("ACTIVE");
        APIGatewayV2HTTPResponse ended = post("/admin/v1/journeys/student-check/end");
        assertThat(ended.getStatusCode()).isEqualTo(200);
        assertThat(json(ended).get("status").asText()).isEqualTo("ENDED");

        APIGatewayV2HTTPResponse afterEnd = put("student-check", studentJourney, json(ended).get("revision").asText());
        assertThat(afterEnd.getStatusCode()).isEqualTo(409);
        assertThat(json(afterEnd).get("detail").asText()).contains("has ended");
        assertThat(post("/admin/v1/journeys/student-check/resume").getStatusCode()).isEqualTo(409);
        assertThat(call(request("DELETE", "/admin/v1/templates/student-ask", null)).getStatusCode())
                .as("an ended journey sends nothing, so its templates may go").isEqualTo(204);

        APIGatewayV2HTTPResponse results = call(load("journey-results.json"));
        assertThat(results.getStatusCode()).isEqualTo(200);
        assertThat(json(results).get("versions")).isEmpty();
        assertThat(json(results).get("goalConversionRate").isNull()).isTrue();
    }

    @Test
    void aNewJourneyGetsAnIdFromItsNameAndAChosenIdCannotBeTakenTwice() throws Exception {
        APIGatewayV2HTTPResponse named = call(request("POST", "/admin/v1/journeys", withoutId(studentJourney).toString()));
        assertThat(named.getStatusCode()).isEqualTo(201);
        assertThat(json(named).get("id").asText()).matches("er-du-fortsatt-student-[a-z0-9]{6}");

        assertThat(call(request("POST", "/admin/v1/journeys", journey("twice").toString())).getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPResponse again = call(request("POST", "/admin/v1/journeys", journey("twice").toString()));
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).isEqualTo("journey twice already exists");
        assertThat(json(call(request("GET", "/admin/v1/journeys", null))).get("journeys").findValuesAsText("id"))
                .contains("twice", json(named).get("id").asText());
    }

    @Test
    void anUnreadableDefinitionIsRefusedNamingEveryBadNode() throws Exception {
        ObjectNode bad = journey("bad#id");
        bad.put("owner", "me");
        step(bad, "wait-again").put("duration", "P1M");
        ((ArrayNode) bad.get("steps")).addObject().put("id", "extra").put("type", "teleport");

        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/v1/journeys", bad.toString()));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo("invalid journey");
        assertThat(body.get("errors").findValuesAsText("path"))
                .contains("id", "owner", "steps[3].duration", "steps[5].type");
        assertThat(body.toString()).doesNotContain("teleport");
        assertThat(json(call(request("GET", "/admin/v1/journeys", null))).get("journeys").toString()).doesNotContain("bad");
    }

    /** The example with two variants at "ask" compared in an experiment. */
    private static ObjectNode experimentJourney(String id) throws Exception {
        ObjectNode definition = journey(id);
        ObjectNode ask = step(definition, "ask");
        ask.remove("templateId");
        ask.set("variants", MAPPER.readTree("[{\"name\": \"A\", \"templateId\": \"student-ask\", \"weight\": 1},"
                + " {\"name\": \"B\", \"templateId\": \"student-ask-b\", \"weight\": 1}]"));
        definition.set("experiment", MAPPER.readTree("{\"step\": \"ask\", \"metric\": \"revenue-per-person\","
                + " \"guardrails\": [\"opt-out-rate\"], \"holdoutPercent\": 10, \"autoWinner\": true}"));
        return definition;
    }

    @Test
    void aJourneyWithAnExperimentIsStoredAndReadBackWithIt() throws Exception {
        APIGatewayV2HTTPResponse created = call(request("POST", "/admin/v1/journeys",
                experimentJourney("with-experiment").toString()));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode read = json(call(request("GET", "/admin/v1/journeys/with-experiment", null)));
        assertThat(read.at("/definition/experiment")).isEqualTo(MAPPER.readTree("{\"step\": \"ask\","
                + " \"metric\": \"revenue-per-person\", \"guardrails\": [\"opt-out-rate\"], \"holdoutPercent\": 10,"
                + " \"autoWinner\": true}"));
        assertThat(read.has("winners")).isFalse();
    }

    @Test
    void aDeclaredWinnerShowsOnTheJourney() throws Exception {
        ObjectNode definition = experimentJourney("won");
        ((ObjectNode) definition.get("trigger")).put("segmentId", "won-segment");
        ((ObjectNode) step(definition, "ask").get("variants").get(0)).put("templateId", "won-a");
        ((ObjectNode) step(definition, "ask").get("variants").get(1)).put("templateId", "won-b");
        step(definition, "remind").put("templateId", "won-remind");
        segment("won-segment");
        sms("won-a");
        sms("won-b");
        sms("won-remind");
        assertThat(call(request("POST", "/admin/v1/journeys", definition.toString())).getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPResponse activated = post("/admin/v1/journeys/won/activate");
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);

        context.getBean(no.dialog.core.journey.JourneyStore.class)
                .declareWinner(DEMO, "won", 1, "B", "B better", CLOCK.instant());

        JsonNode read = json(call(request("GET", "/admin/v1/journeys/won", null)));
        assertThat(read.get("winners")).isEqualTo(MAPPER.readTree("{\"1\": \"B\"}"));
        assertThat(json(call(request("GET", "/admin/v1/journeys", null))).get("journeys").findValues("winners"))
                .containsExactly(MAPPER.readTree("{\"1\": \"B\"}"));
    }

    @Test
    void aBadExperimentIsRefusedWithItsReasonsAndNothingIsStored() throws Exception {
        ObjectNode bad = experimentJourney("bad-experiment");
        ((ObjectNode) bad.get("experiment")).put("holdoutPercent", 60).put("metric", "clicks");
        ObjectNode wrongStep = experimentJourney("bad-experiment");
        ((ObjectNode) wrongStep.get("experiment")).put("step", "wait-answer");
        ObjectNode noGoal = experimentJourney("bad-experiment");
        noGoal.remove("goal");

        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/v1/journeys", bad.toString()));
        APIGatewayV2HTTPResponse wrong = call(request("POST", "/admin/v1/journeys", wrongStep.toString()));
        APIGatewayV2HTTPResponse goalless = call(request("POST", "/admin/v1/journeys", noGoal.toString()));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("experiment.metric", "experiment.holdoutPercent");
        assertThat(wrong.getStatusCode()).isEqualTo(400);
        assertThat(json(wrong).get("errors").findValuesAsText("path")).containsExactly("experiment.step");
        assertThat(goalless.getStatusCode()).isEqualTo(400);
        assertThat(json(goalless).get("errors").toString()).contains("needs the journey to have a goal");
        assertThat(call(request("GET", "/admin/v1/journeys/bad-experiment", null)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void anEditNeedsTheRevisionItReadAndThePathsId() throws Exception {
        call(request("POST", "/admin/v1/journeys", journey("edited").toString()));

        APIGatewayV2HTTPResponse noRevision = put("edited", studentJourney.deepCopy().put("id", "edited"), null);
        assertThat(noRevision.getStatusCode()).isEqualTo(428);
        assertThat(put("edited", studentJourney, "three").getStatusCode()).isEqualTo(400);
        APIGatewayV2HTTPResponse otherId = put("edited", journey("renamed"), "\"1\"");
        assertThat(otherId.getStatusCode()).isEqualTo(400);
        assertThat(json(otherId).get("errors").findValuesAsText("path")).containsExactly("id");

        // A draft is edited in place and need not be able to run yet.
        ObjectNode halfBuilt = withoutId(studentJourney).put("name", "Halvferdig");
        step(halfBuilt, "remind").put("next", "not-written-yet");
        APIGatewayV2HTTPResponse edited = put("edited", halfBuilt, "W/\"1\"");
        assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
        assertThat(json(edited).get("name").asText()).isEqualTo("Halvferdig");
        assertThat(json(edited).get("latestVersion").asInt()).isEqualTo(1);
        assertThat(json(edited).get("revision").asLong()).isEqualTo(2);
        assertThat(put("edited", halfBuilt, "1").getStatusCode()).as("revision 1 is gone").isEqualTo(409);
        assertThat(put("never-made", halfBuilt, "1").getStatusCode()).isEqualTo(404);
        assertThat(call(withQuery(request("GET", "/admin/v1/journeys/edited", null), "version", "2")).getStatusCode())
                .isEqualTo(404);
        assertThat(call(withQuery(request("GET", "/admin/v1/journeys/edited", null), "version", "two")).getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void resumingChecksTheVersionWrittenWhilePaused() throws Exception {
        JsonNode active = activeJourney("paused-edit");
        APIGatewayV2HTTPResponse paused = call(withHeader(request("POST", "/admin/v1/journeys/paused-edit/pause", null),
                "If-Match", active.get("revision").asText()));
        assertThat(paused.getStatusCode()).isEqualTo(200);

        ObjectNode edit = withoutId(journey("x"));
        ((ObjectNode) edit.get("trigger")).put("segmentId", "paused-edit-segment");
        step(edit, "ask").put("templateId", "missing-template");
        step(edit, "remind").put("templateId", "paused-edit-remind");
        APIGatewayV2HTTPResponse edited = put("paused-edit", edit, json(paused).get("revision").asText());
        assertThat(edited.getStatusCode()).as("a paused journey's edit is checked on resume").isEqualTo(200);
        assertThat(json(edited).get("latestVersion").asInt()).isEqualTo(2);
        assertThat(json(edited).get("activeVersion").asInt()).isEqualTo(1);

        APIGatewayV2HTTPResponse resume = post("/admin/v1/journeys/paused-edit/resume");
        assertThat(resume.getStatusCode()).isEqualTo(422);
        assertThat(json(resume).get("errors").findValuesAsText("path")).containsExactly("steps.ask.templateId");
        assertThat(json(call(request("GET", "/admin/v1/journeys/paused-edit", null))).get("status").asText())
                .isEqualTo("PAUSED");

        assertThat(call(withHeader(request("POST", "/admin/v1/journeys/paused-edit/end", null), "If-Match", "1"))
                .getStatusCode()).as("stale If-Match on a status change").isEqualTo(409);
        sms("missing-template");
        APIGatewayV2HTTPResponse resumed = post("/admin/v1/journeys/paused-edit/resume");
        assertThat(resumed.getStatusCode()).as(resumed.getBody()).isEqualTo(200);
        assertThat(json(resumed).get("activeVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aViewerReadsJourneysAndResultsButCannotChangeThem() throws Exception {
        activeJourney("viewer-sees");
        String revision = json(call(request("GET", "/admin/v1/journeys/viewer-sees", null))).get("revision").asText();

        List<Integer> refused = new ArrayList<>();
        refused.add(call(as(request("POST", "/admin/v1/journeys", journey("viewer-made").toString()), "demo", "[viewer]")).getStatusCode());
        refused.add(call(as(withHeader(request("PUT", "/admin/v1/journeys/viewer-sees", withoutId(studentJourney).toString()),
                "If-Match", revision), "demo", "[viewer]")).getStatusCode());
        for (String action : List.of("activate", "pause", "resume", "end")) {
            refused.add(call(as(request("POST", "/admin/v1/journeys/viewer-sees/" + action, null), "demo", "[viewer]")).getStatusCode());
        }
        assertThat(refused).containsOnly(403);
        APIGatewayV2HTTPResponse create = call(as(request("POST", "/admin/v1/journeys", journey("viewer-made").toString()), "demo", "[viewer]"));
        assertThat(json(create).get("detail").asText()).isEqualTo("changing journeys needs the editor or admin role");

        assertThat(call(as(request("GET", "/admin/v1/journeys", null), "demo", "[viewer]")).getStatusCode()).isEqualTo(200);
        assertThat(call(as(request("GET", "/admin/v1/journeys/viewer-sees", null), "demo", "[viewer]")).getStatusCode()).isEqualTo(200);
        assertThat(call(as(request("GET", "/admin/v1/journeys/viewer-sees/results", null), "demo", "[viewer]")).getStatusCode()).isEqualTo(200);
        JsonNode after = json(call(request("GET", "/admin/v1/journeys/viewer-sees", null)));
        assertThat(after.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(after.get("revision").asText()).isEqualTo(revision);
        assertThat(call(request("GET", "/admin/v1/journeys/viewer-made", null)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void onlyEditorsAndAdminsActivateAJourneyNotThePlatformOperator() throws Exception {
        String id = "who-activates";
        ObjectNode definition = journey(id);
        ((ObjectNode) definition.get("trigger")).put("segmentId", id + "-segment");
        step(definition, "ask").put("templateId", id + "-ask");
        step(definition, "remind").put("templateId", id + "-remind");
        segment(id + "-segment");
        sms(id + "-ask");
        sms(id + "-remind");
        assertThat(call(request("POST", "/admin/v1/journeys", definition.toString())).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse byViewer = call(as(request("POST", "/admin/v1/journeys/" + id + "/activate", null),
                "demo", "[viewer]"));
        APIGatewayV2HTTPResponse byOperator = call(as(request("POST", "/admin/v1/journeys/" + id + "/activate", null),
                "demo", "[platform-admin]"));
        APIGatewayV2HTTPResponse byAdmin = call(as(request("POST", "/admin/v1/journeys/" + id + "/activate", null),
                "demo", "[admin]"));

        assertThat(byViewer.getStatusCode()).isEqualTo(403);
        assertThat(byOperator.getStatusCode()).isEqualTo(403);
        assertThat(byAdmin.getStatusCode()).as(byAdmin.getBody()).isEqualTo(200);
        assertThat(json(byAdmin).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anotherTenantsJourneyLooksExactlyLikeAMissingOne() throws Exception {
        call(request("POST", "/admin/v1/journeys", journey("demo-private").toString()));

        APIGatewayV2HTTPResponse read = call(as(request("GET", "/admin/v1/journeys/demo-private", null), "other", "[editor]"));
        APIGatewayV2HTTPResponse missing = call(as(request("GET", "/admin/v1/journeys/never-made", null), "other", "[editor]"));
        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(read.getBody()).isEqualTo(missing.getBody());
        assertThat(call(as(withHeader(request("PUT", "/admin/v1/journeys/demo-private", withoutId(studentJourney).toString()),
                "If-Match", "1"), "other", "[editor]")).getStatusCode()).isEqualTo(404);
        for (String action : List.of("activate", "pause", "resume", "end")) {
            assertThat(call(as(request("POST", "/admin/v1/journeys/demo-private/" + action, null), "other", "[editor]"))
                    .getStatusCode()).as(action).isEqualTo(404);
        }
        assertThat(call(as(request("GET", "/admin/v1/journeys/demo-private/results", null), "other", "[editor]"))
                .getStatusCode()).isEqualTo(404);
        assertThat(json(call(as(request("GET", "/admin/v1/journeys", null), "other", "[editor]"))).get("journeys")
                .findValuesAsText("id")).doesNotContain("demo-private");
        JsonNode own = json(call(request("GET", "/admin/v1/journeys/demo-private", null)));
        assertThat(own.get("status").asText()).isEqualTo("DRAFT");
        assertThat(own.get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void resultsArePerVersionStepAndVariantWithTotalsAndGoalConversion() throws Exception {
        call(request("POST", "/admin/v1/journeys", journey("counted").toString()));
        EnrolmentStore enrolments = context.getBean(EnrolmentStore.class);
        // Version 1: three people enrol and are sent "ask" (variant A); one reaches the goal there and exits.
        for (int i = 1; i <= 3; i++) {
            Enrolment entered = enrolment("K-" + i, 1, 0);
            assertThat(enrolments.create(entered, List.of(key(1, null, null, ResultCounter.ENROLLED)))).isTrue();
            List<ResultKey> counts = new ArrayList<>(List.of(key(1, "ask", "A", ResultCounter.QUEUED)));
            if (i == 1) {
                counts.add(key(1, "ask", "A", ResultCounter.GOAL_REACHED));
                counts.add(key(1, "ask", null, ResultCounter.EXITED));
            }
            assertThat(enrolments.commit(entered, enrolment("K-" + i, 1, 1), List.of(), counts)).isTrue();
        }
        // Version 2: one enrols, its send is capped.
        Enrolment later = enrolment("K-4", 2, 0);
        enrolments.create(later, List.of(key(2, null, null, ResultCounter.ENROLLED)));
        enrolments.commit(later, enrolment("K-4", 2, 1), List.of(), List.of(key(2, "ask", "A", ResultCounter.CAPPED)));

        APIGatewayV2HTTPResponse response = call(as(request("GET", "/admin/v1/journeys/counted/results", null), "demo", "[viewer]"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("journeyId").asText()).isEqualTo("counted");
        JsonNode v1 = body.get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("steps")).hasSize(3);
        assertThat(v1.get("steps").get(0).get("stepId").isNull()).as("journey-wide counts first").isTrue();
        assertThat(v1.get("steps").get(0).get("enrolled").asLong()).isEqualTo(3);
        JsonNode askA = v1.get("steps").get(2);
        assertThat(askA.get("stepId").asText()).isEqualTo("ask");
        assertThat(askA.get("variant").asText()).isEqualTo("A");
        assertThat(askA.get("queued").asLong()).isEqualTo(3);
        assertThat(askA.get("goalReached").asLong()).isEqualTo(1);
        assertThat(askA.get("notSendable").asLong()).isZero();
        assertThat(v1.get("steps").get(1).get("exited").asLong()).isEqualTo(1);
        assertThat(v1.get("totals").get("enrolled").asLong()).isEqualTo(3);
        assertThat(v1.get("totals").get("queued").asLong()).isEqualTo(3);
        assertThat(v1.get("totals").get("exited").asLong()).isEqualTo(1);
        assertThat(v1.get("goalConversionRate").decimalValue()).isEqualByComparingTo("0.3333");
        JsonNode v2 = body.get("versions").get(1);
        assertThat(v2.get("totals").get("capped").asLong()).isEqualTo(1);
        assertThat(v2.get("goalConversionRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.get("totals").get("enrolled").asLong()).isEqualTo(4);
        assertThat(body.get("goalConversionRate").decimalValue()).isEqualByComparingTo("0.25");
    }

    private static Enrolment enrolment(String contactId, int version, long revision) {
        return new Enrolment(DEMO, EnrolmentIds.of(DEMO, "counted", 1, contactId), "counted", version, contactId,
                revision == 0 ? EnrolmentState.ACTIVE : EnrolmentState.WAITING, "ask", CLOCK.instant(), CLOCK.instant(),
                null, null, Map.of(), Map.of(), List.of(), null, revision);
    }

    private static ResultKey key(int version, String stepId, String variant, ResultCounter counter) {
        return new ResultKey("counted", version, stepId, variant, counter);
    }
}
