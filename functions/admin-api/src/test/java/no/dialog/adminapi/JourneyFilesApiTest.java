package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunRef;
import no.dialog.core.run.RunStore;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code GET /admin/v1/journeys/{id}/files} through the real admin API function, against DynamoDB Local and
 * S3Proxy: runs written by close-runs (here put in the run store directly) with links signed per request
 * that really download the file.
 */
class JourneyFilesApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Emulators emulators;
    private static String exports;
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        exports = (String) env.get("EXPORTS_BUCKET");
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

    private static APIGatewayV2HTTPResponse files(String journeyId, String tenant, String roles) {
        return call(as(request("GET", "/admin/v1/journeys/" + journeyId + "/files", null), tenant, roles));
    }

    /** A letter journey of demo's (never activated: runs are put in the store by the test). */
    private static void letterJourney(String id) {
        context.getBean(SegmentStore.class).create(DEMO, new SegmentDefinition(id + "-members", id,
                MAPPER.createObjectNode().put("field", "membership.type").put("op", "equals").put("value", "ordinary"),
                CLOCK.instant()));
        APIGatewayV2HTTPResponse template = call(request("POST", "/admin/v1/templates", MAPPER.createObjectNode()
                .put("id", id + "-letter").put("channel", "letter").put("language", "nb")
                .put("body", "Kjære {{ firstName }}").toString()));
        assertThat(template.getStatusCode()).as(template.getBody()).isEqualTo(201);
        APIGatewayV2HTTPResponse journey = call(request("POST", "/admin/v1/journeys", """
                {"id":"%s","name":"Brev",
                 "trigger":{"type":"campaign","segmentId":"%s-members","startAt":null},
                 "entry":{"reenterAfterExit":false,"maxEnrolments":null},
                 "goal":null,
                 "start":"letter",
                 "steps":[{"id":"letter","type":"send","channel":"letter","templateId":"%s-letter","next":"done"},
                          {"id":"done","type":"exit"}]}""".formatted(id, id, id)));
        assertThat(journey.getStatusCode()).as(journey.getBody()).isEqualTo(201);
    }

    private static RunRef stage(TenantId tenant, String journeyId, String key) {
        return context.getBean(RunStore.class).stage(new RunItem(tenant, SendChannel.LETTER, journeyId, 1, "letter",
                LocalDate.of(2026, 11, 23), key, "c-1", Map.of("name", "Åse")), CLOCK.instant().minusSeconds(600));
    }

    /** The run's last item time as the closer reads it (the end of the stager's touch, ADR 0035). */
    private static java.time.Instant lastItemAt(RunStore store, RunRef run) {
        return store.quietRuns(CLOCK.instant()).stream().filter(r -> r.ref().equals(run)).findFirst().orElseThrow()
                .lastItemAt();
    }

    private static HttpResponse<String> download(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listsTheRunsWithLinksSignedNowThatDownloadTheFile() throws Exception {
        letterJourney("brev");
        RunStore store = context.getBean(RunStore.class);
        RunRef closed = stage(DEMO, "brev", "demo:k1");
        String manifestKey = LetterDrop.key(closed, "manifest.csv");
        emulators.s3().putObject(b -> b.bucket(exports).key(manifestKey).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString("file,recipientName\r\n0001.pdf,Åse\r\n", StandardCharsets.UTF_8));
        assertThat(store.startClosing(closed, lastItemAt(store, closed), CLOCK.instant(),
                CLOCK.instant().minusSeconds(600))).isTrue();
        // The stored link is close-runs' 7-day one; the API must not hand it out.
        store.markClosed(closed, List.of(new RunFile("manifest.csv", manifestKey, "text/csv; charset=utf-8",
                "https://stale.example/old-link", CLOCK.instant().plusSeconds(7 * 86_400))), 1, 0, CLOCK.instant());

        APIGatewayV2HTTPResponse response = files("brev", "demo", "[editor]");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode runs = MAPPER.readTree(response.getBody()).get("runs");
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.get("runId").asText()).isEqualTo("brev.v1.letter.2026-11-23.1");
        assertThat(run.get("channel").asText()).isEqualTo("letter");
        assertThat(run.get("stepId").asText()).isEqualTo("letter");
        assertThat(run.get("state").asText()).isEqualTo("closed");
        assertThat(run.get("people").asInt()).isEqualTo(1);
        assertThat(run.get("closedAt").asText()).isEqualTo(CLOCK.instant().toString());
        JsonNode file = run.get("files").get(0);
        assertThat(file.get("name").asText()).isEqualTo("manifest.csv");
        assertThat(file.get("key").asText()).isEqualTo("drops/demo/21grams/brev.v1.letter.2026-11-23.1/manifest.csv");
        assertThat(file.get("linkExpiresAt").asText()).isEqualTo(CLOCK.instant().plus(RunFileLinks.VALIDITY).toString());
        String link = file.get("link").asText();
        assertThat(link).doesNotContain("stale.example").contains("X-Amz-Expires=3600");

        HttpResponse<String> downloaded = download(link);
        assertThat(downloaded.statusCode()).as(downloaded.body()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo("file,recipientName\r\n0001.pdf,Åse\r\n");
    }

    @Test
    void aViewerSeesTheFilesButGetsNoLinkToDownloadThem() throws Exception {
        letterJourney("viewer-brev");
        RunStore store = context.getBean(RunStore.class);
        RunRef closed = stage(DEMO, "viewer-brev", "demo:kv1");
        String manifestKey = LetterDrop.key(closed, "manifest.csv");
        assertThat(store.startClosing(closed, lastItemAt(store, closed), CLOCK.instant(),
                CLOCK.instant().minusSeconds(600))).isTrue();
        store.markClosed(closed, List.of(new RunFile("manifest.csv", manifestKey, "text/csv; charset=utf-8",
                "https://stale.example/old-link", CLOCK.instant().plusSeconds(7 * 86_400))), 1, 0, CLOCK.instant());

        JsonNode viewerFile = MAPPER.readTree(files("viewer-brev", "demo", "[viewer]").getBody())
                .get("runs").get(0).get("files").get(0);
        JsonNode adminFile = MAPPER.readTree(files("viewer-brev", "demo", "[admin]").getBody())
                .get("runs").get(0).get("files").get(0);

        assertThat(viewerFile.get("name").asText()).isEqualTo("manifest.csv");
        assertThat(viewerFile.get("link").isNull()).isTrue();
        assertThat(viewerFile.get("linkExpiresAt").isNull()).isTrue();
        assertThat(adminFile.get("link").asText()).contains("X-Amz-Expires=3600");
    }

    @Test
    void anOpenRunIsListedWithoutFiles() throws Exception {
        letterJourney("open-brev");
        stage(DEMO, "open-brev", "demo:k2");

        JsonNode run = MAPPER.readTree(files("open-brev", "demo", "[editor]").getBody()).get("runs").get(0);

        assertThat(run.get("state").asText()).isEqualTo("open");
        assertThat(run.get("closedAt").isNull()).isTrue();
        assertThat(run.get("files")).isEmpty();
    }

    @Test
    void anotherTenantsJourneyAndRunsAreInvisible() throws Exception {
        letterJourney("private-brev");
        stage(DEMO, "private-brev", "demo:k3");
        // The other tenant has runs under the same journey id, but no such journey: still a 404.
        stage(TenantId.of("other"), "private-brev", "other:k1");

        assertThat(files("private-brev", "other", "[admin]").getStatusCode()).isEqualTo(404);
        JsonNode runs = MAPPER.readTree(files("private-brev", "demo", "[viewer]").getBody()).get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("files")).isEmpty();
    }

    @Test
    void readingNeedsAStaffRole() {
        letterJourney("roles-brev");

        assertThat(files("roles-brev", "demo", "[]").getStatusCode()).isEqualTo(403);
        assertThat(files("no-such-journey", "demo", "[viewer]").getStatusCode()).isEqualTo(404);
    }

    @Test
    void aKeyOutsideTheTenantsPrefixesGetsNoLink() {
        RunFile foreign = new RunFile("x.csv", "other/print/r/x.csv", "text/csv", "https://old", CLOCK.instant());
        RunFile traversal = new RunFile("x.csv", "demo/../other/x.csv", "text/csv", "https://old", CLOCK.instant());
        RunFileLinks links = context.getBean(RunFileLinks.class);

        assertThat(links.fresh(DEMO, foreign).link()).isNull();
        assertThat(links.fresh(DEMO, traversal).link()).isNull();
        assertThat(links.fresh(DEMO, new RunFile("p.csv", "demo/print/r/p.csv", "text/csv", null, null)).link())
                .isNotNull();
    }
}
