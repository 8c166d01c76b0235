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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.enrolment.JourneyRuns;
import no.dialog.core.enrolment.RunChunk;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code GET|POST /admin/v1/journeys/{id}/runs} through the real admin API function (answers checked against
 * docs/openapi.yaml), against DynamoDB Local and ElasticMQ: a run that enrolled nobody is listed with its reason
 * and what it read, and an active campaign is queued to run again (docs/adr/0034-fresh-segments.md).
 */
class JourneyRunsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static Emulators emulators;
    private static ApplicationContext context;
    private static AdminApiFunction function;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        queueUrl = emulators.sqs().createQueue(b -> b.queueName("segment-jobs-" + UUID.randomUUID())).queueUrl();
        env.put("SEGMENT_JOBS_QUEUE_URL", queueUrl);
        context = AdminApiEnvironment.start(env, emulators, CLOCK, null);
        function = new ContractCheckedFunction(context);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(String method, String journeyId, String tenant, String roles) {
        return function.handleRequest(as(request(method, "/admin/v1/journeys/" + journeyId + "/runs", null),
                tenant, roles), null);
    }

    private static void campaign(String id) {
        context.getBean(SegmentStore.class).create(DEMO, new SegmentDefinition(id + "-members", id,
                MAPPER.createObjectNode().put("field", "membership.type").put("op", "equals").put("value", "ordinary"),
                CLOCK.instant()));
        APIGatewayV2HTTPResponse template = function.handleRequest(request("POST", "/admin/v1/templates",
                MAPPER.createObjectNode().put("id", id + "-sms").put("channel", "sms").put("language", "nb")
                        .put("body", "Hei {{ firstName }}").toString()), null);
        assertThat(template.getStatusCode()).as(template.getBody()).isEqualTo(201);
        APIGatewayV2HTTPResponse journey = function.handleRequest(request("POST", "/admin/v1/journeys", """
                {"id":"%s","name":"Spør",
                 "trigger":{"type":"campaign","segmentId":"%s-members","startAt":null},
                 "entry":{"reenterAfterExit":false,"maxEnrolments":null},
                 "goal":{"signal":{"type":"answered","where":{"question":"still-student"},"sameJourney":true},
                         "window":"P14D","exitOnGoal":true},
                 "start":"ask",
                 "steps":[{"id":"ask","type":"send","channel":"sms","templateId":"%s-sms","next":"done"},
                          {"id":"done","type":"exit"}]}""".formatted(id, id, id)), null);
        assertThat(journey.getStatusCode()).as(journey.getBody()).isEqualTo(201);
    }

    private static List<Message> drain() {
        return emulators.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
    }

    @Test
    void aRunThatEnrolledNobodyIsListedWithItsReasonAndAnActiveCampaignIsQueuedToRunAgain() throws Exception {
        campaign("spring");
        assertThat(MAPPER.readTree(call("GET", "spring", "demo", "[viewer]").getBody()).get("runs")).isEmpty();
        APIGatewayV2HTTPResponse draft = call("POST", "spring", "demo", "[editor]");
        assertThat(draft.getStatusCode()).as(draft.getBody()).isEqualTo(409);
        assertThat(draft.getBody()).contains("only an active campaign can be run again");
        assertThat(drain()).as("a refused request queues nothing").isEmpty();

        APIGatewayV2HTTPResponse activated = function.handleRequest(request("POST", "/admin/v1/journeys/spring/activate",
                null), null);
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(200);
        // The segmentation function's record of the first run: everyone matched was in the journey already.
        context.getBean(JourneyEntries.class).startRun(DEMO, "spring", "campaign");
        JourneyRuns runs = context.getBean(JourneyRuns.class);
        runs.evaluated(DEMO, "spring", "campaign", 1, new SegmentEvaluation(2, CLOCK.instant(),
                CLOCK.instant().minusSeconds(600), 1, "stored"), 1, CLOCK.instant());
        runs.chunkDone(DEMO, "spring", "campaign", 0, new RunChunk(0, 2, 0, 0));

        APIGatewayV2HTTPResponse listed = call("GET", "spring", "demo", "[viewer]");

        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(200);
        JsonNode run = MAPPER.readTree(listed.getBody()).get("runs").get(0);
        assertThat(run.get("runId").asText()).isEqualTo("campaign");
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("matched").asLong()).isEqualTo(2);
        assertThat(run.get("enrolled").asLong()).isZero();
        assertThat(run.get("reason").asText()).isEqualTo("all already enrolled");
        assertThat(run.get("view").get("snapshotAsOf").asText()).isEqualTo("2026-12-01T08:50:00Z");
        assertThat(run.get("view").get("overlayContacts").asInt()).isEqualTo(1);

        assertThat(call("POST", "spring", "demo", "[viewer]").getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse again = call("POST", "spring", "demo", "[editor]");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(202);
        assertThat(MAPPER.readTree(again.getBody()).get("runId").asText())
                .isEqualTo("campaign-rerun-" + CLOCK.instant().toEpochMilli());
        List<Message> queued = drain();
        assertThat(queued).singleElement().satisfies(m -> assertThat(MAPPER.readTree(m.body()))
                .isEqualTo(MAPPER.readTree("{\"kind\":\"rerun\",\"tenant\":\"demo\",\"journeyId\":\"spring\","
                        + "\"runId\":\"campaign-rerun-" + CLOCK.instant().toEpochMilli() + "\"}")));
    }

    @Test
    void anotherTenantsOrAnUnknownJourneyIsNotFound() {
        campaign("autumn");
        assertThat(call("GET", "autumn", "other", "[viewer]").getStatusCode()).isEqualTo(404);
        assertThat(call("POST", "autumn", "other", "[editor]").getStatusCode()).isEqualTo(404);
        assertThat(call("GET", "nobody-knows", "demo", "[viewer]").getStatusCode()).isEqualTo(404);
    }
}
