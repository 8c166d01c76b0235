package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import no.dialog.core.results.ResultsWeek;
import no.dialog.core.results.SummaryFiles;
import no.dialog.core.results.SummaryFiles.Format;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/v1/journeys/{id}/summaries} through the real admin API function (responses checked against
 * docs/openapi.yaml), against DynamoDB Local and S3Proxy: summaries written where the weekly-summary function
 * writes them, listed newest week first with links that download them, for viewers too.
 */
class JourneySummariesApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-14T06:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse summaries(String journeyId, String tenant, String roles) {
        return function.handleRequest(as(request("GET", "/admin/v1/journeys/" + journeyId + "/summaries", null),
                tenant, roles), null);
    }

    private static void journey(String id) {
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
                 "goal":null,
                 "start":"ask",
                 "steps":[{"id":"ask","type":"send","channel":"sms","templateId":"%s-sms","next":"done"},
                          {"id":"done","type":"exit"}]}""".formatted(id, id, id)), null);
        assertThat(journey.getStatusCode()).as(journey.getBody()).isEqualTo(201);
    }

    private static HttpResponse<String> download(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsEachWeeksCsvAndPdfNewestFirstWithLinksAViewerCanDownload() throws Exception {
        journey("weekly");
        SummaryFiles files = context.getBean(SummaryFiles.class);
        files.put(DEMO, "weekly", new ResultsWeek(2026, 49), Format.CSV, "row,version\r\nweek 49\r\n".getBytes(StandardCharsets.UTF_8));
        files.put(DEMO, "weekly", new ResultsWeek(2026, 50), Format.CSV, "row,version\r\nweek 50\r\n".getBytes(StandardCharsets.UTF_8));
        files.put(DEMO, "weekly", new ResultsWeek(2026, 50), Format.PDF, "%PDF-1.7 week 50".getBytes(StandardCharsets.UTF_8));
        // The same journey id at another tenant: never listed here.
        files.put(TenantId.of("other"), "weekly", new ResultsWeek(2026, 50), Format.CSV, "other".getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = summaries("weekly", "demo", "[viewer]");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(response.getBody());
        assertThat(body.get("journeyId").asText()).isEqualTo("weekly");
        JsonNode weeks = body.get("summaries");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).get("week").asText()).isEqualTo("2026-W50");
        assertThat(weeks.get(0).get("from").asText()).isEqualTo("2026-12-07");
        assertThat(weeks.get(0).get("to").asText()).isEqualTo("2026-12-13");
        assertThat(weeks.get(0).get("files")).extracting(f -> f.get("format").asText()).containsExactly("csv", "pdf");
        assertThat(weeks.get(1).get("week").asText()).isEqualTo("2026-W49");
        JsonNode csv = weeks.get(0).get("files").get(0);
        assertThat(csv.get("key").asText()).isEqualTo("results/demo/weekly/2026-W50.csv");
        assertThat(csv.get("linkExpiresAt").asText()).isEqualTo(CLOCK.instant().plus(RunFileLinks.VALIDITY).toString());
        HttpResponse<String> downloaded = download(csv.get("link").asText());
        assertThat(downloaded.statusCode()).as(downloaded.body()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo("row,version\r\nweek 50\r\n");
        assertThat(download(weeks.get(0).get("files").get(1).get("link").asText()).body()).isEqualTo("%PDF-1.7 week 50");
    }

    @Test
    void aJourneyWithoutSummariesHasAnEmptyList() throws Exception {
        journey("fresh");
        JsonNode body = MAPPER.readTree(summaries("fresh", "demo", "[editor]").getBody());
        assertThat(body.get("summaries")).isEmpty();
    }

    @Test
    void anotherTenantsJourneyIsNotFoundAndReadingNeedsAStaffRole() {
        journey("private-weekly");
        assertThat(summaries("private-weekly", "other", "[admin]").getStatusCode()).isEqualTo(404);
        assertThat(summaries("private-weekly", "demo", "[]").getStatusCode()).isEqualTo(403);
        assertThat(summaries("no-such-journey", "demo", "[viewer]").getStatusCode()).isEqualTo(404);
    }
}
