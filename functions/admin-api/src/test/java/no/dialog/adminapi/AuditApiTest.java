package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withHeader;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the real admin API function, against DynamoDB Local: what {@link AuditFilter} records
 * (writes, refused writes, revisions, the audited reads, the platform's route) and what
 * {@code GET /admin/v1/audit} shows (filters, paging, one organisation only, admins only). Every call here goes
 * through {@link ContractCheckedFunction}, which also checks the row each write left.
 */
class AuditApiTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEGMENT = """
            {"name": "Studenter", "criteria": {"all": [{"field": "membership.type", "op": "equals", "value": "student"}]}}""";

    /** Moves only when a test moves it, so entries get distinct, known times. */
    private static final class StepClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Oslo");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final StepClock CLOCK = new StepClock();
    private static ApplicationContext context;
    private static ContractCheckedFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        context = AdminApiEnvironment.start(AdminApiEnvironment.tables(emulators), emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        for (String id : new String[] {"audited", "paged", "other"}) {
            tenants.createIfAbsent(new Tenant(TenantId.of(id), "Union", START, Map.of()));
        }
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        CLOCK.now = CLOCK.now.plusSeconds(60);
        return function.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPEvent by(APIGatewayV2HTTPEvent event, String tenant, String subject, String roles) {
        as(event, tenant, roles).getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", subject);
        return event;
    }

    private static JsonNode audit(String tenant, Map<String, String> query) throws Exception {
        APIGatewayV2HTTPEvent event = by(request("GET", "/admin/v1/audit", null), tenant, "admin-1", "[admin]");
        query.forEach((name, value) -> withQuery(event, name, value));
        APIGatewayV2HTTPResponse response = call(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return MAPPER.readTree(response.getBody());
    }

    private static List<JsonNode> entries(JsonNode page) {
        List<JsonNode> entries = new ArrayList<>();
        page.get("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void aWriteAndARefusedWriteAreBothRecordedWithWhoWhatAndHowItEnded() throws Exception {
        APIGatewayV2HTTPResponse created = call(by(request("POST", "/admin/v1/segments", SEGMENT), "audited",
                "editor-7", "[editor viewer]"));
        Instant createdAt = CLOCK.now;
        APIGatewayV2HTTPResponse refused = call(by(request("POST", "/admin/v1/segments", SEGMENT), "audited",
                "viewer-3", "[viewer]"));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        String segmentId = MAPPER.readTree(created.getBody()).get("id").asText();

        List<JsonNode> listed = entries(audit("audited", Map.of("route", "/admin/v1/segments")));

        assertThat(listed).hasSize(2);
        JsonNode denied = listed.get(0);
        assertThat(denied.get("subject").asText()).isEqualTo("viewer-3");
        assertThat(denied.get("status").asInt()).isEqualTo(403);
        assertThat(denied.get("outcome").asText()).isEqualTo("refused");
        assertThat(denied.get("access").asText()).as("the role the route needs").isEqualTo("write");
        JsonNode done = listed.get(1);
        assertThat(done.get("at").asText()).isEqualTo(createdAt.toString());
        assertThat(done.get("subject").asText()).isEqualTo("editor-7");
        assertThat(done.get("roles")).extracting(JsonNode::asText).containsExactly("editor", "viewer");
        assertThat(done.get("method").asText()).isEqualTo("POST");
        assertThat(done.get("objectId").asText()).as("what the create made").isEqualTo(segmentId);
        assertThat(done.get("status").asInt()).isEqualTo(201);
        assertThat(done.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(done.get("requestId").asText()).isEqualTo("SegPOST1=");
        assertThat(done.toString()).as("no body is kept").doesNotContain("Studenter", "criteria", "membership");
    }

    @Test
    void aChangeOverARevisionRecordsTheRevisionBeforeAndAfter() throws Exception {
        APIGatewayV2HTTPEvent put = withHeader(by(request("PUT", "/admin/v1/settings", "{\"senderName\": \"Union\"}"),
                "audited", "admin-1", "[admin]"), "If-Match", "\"0\"");
        assertThat(call(put).getStatusCode()).isEqualTo(200);

        JsonNode entry = entries(audit("audited", Map.of("route", "/admin/v1/settings"))).getFirst();

        assertThat(entry.get("method").asText()).isEqualTo("PUT");
        assertThat(entry.get("access").asText()).isEqualTo("administer");
        assertThat(entry.get("revisionBefore").asLong()).isZero();
        assertThat(entry.get("revisionAfter").asLong()).isEqualTo(1);
    }

    @Test
    void handingOutRunFilesIsRecordedAndPlainReadsAreNot() throws Exception {
        call(by(request("GET", "/admin/v1/journeys/julegave/files", null), "audited", "editor-7", "[editor]"));
        call(by(request("GET", "/admin/v1/segments", null), "audited", "editor-7", "[editor]"));

        List<JsonNode> files = entries(audit("audited", Map.of("objectId", "julegave")));

        assertThat(files).hasSize(1);
        assertThat(files.getFirst().get("route").asText()).isEqualTo("/admin/v1/journeys/{id}/files");
        assertThat(files.getFirst().get("status").asInt()).as("no such journey, still recorded").isEqualTo(404);
        assertThat(entries(audit("audited", Map.of("route", "/admin/v1/segments")))).allSatisfy(
                entry -> assertThat(entry.get("method").asText()).isEqualTo("POST"));
    }

    @Test
    void theLogPagesNewestFirstAndFiltersByTimeAndSubject() throws Exception {
        Instant before = CLOCK.now;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            APIGatewayV2HTTPResponse created = call(by(request("POST", "/admin/v1/segments", SEGMENT), "paged",
                    i % 2 == 0 ? "kari" : "ola", "[editor]"));
            ids.add(MAPPER.readTree(created.getBody()).get("id").asText());
        }
        Instant fourthAt = before.plusSeconds(60 * 4);

        List<String> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
        JsonNode page;
        do {
            page = audit("paged", query);
            entries(page).forEach(entry -> seen.add(entry.get("objectId").asText()));
            query.put("cursor", page.get("nextCursor").asText());
        } while (!page.get("nextCursor").isNull());
        assertThat(seen).containsExactlyElementsOf(ids.reversed());

        assertThat(entries(audit("paged", Map.of("subject", "kari")))).extracting(e -> e.get("objectId").asText())
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(entries(audit("paged", Map.of("from", fourthAt.toString())))).extracting(e -> e.get("objectId").asText())
                .containsExactly(ids.get(4), ids.get(3));
        assertThat(entries(audit("paged", Map.of("to", fourthAt.toString(), "subject", "ola"))))
                .extracting(e -> e.get("objectId").asText()).containsExactly(ids.get(1));
    }

    @Test
    void anotherOrganisationNeverSeesTheEntriesAndOnlyAdminsReadThem() throws Exception {
        call(by(request("POST", "/admin/v1/segments", SEGMENT), "audited", "editor-7", "[editor]"));

        assertThat(entries(audit("other", Map.of()))).isEmpty();
        assertThat(call(by(request("GET", "/admin/v1/audit", null), "audited", "editor-7", "[editor viewer]"))
                .getStatusCode()).isEqualTo(403);
    }

    @Test
    void badFiltersAndCursorsAre400() {
        for (Map<String, String> bad : List.of(Map.of("from", "yesterday"),
                Map.of("from", "2026-11-23T12:00:00Z", "to", "2026-11-23T12:00:00Z"),
                Map.of("cursor", Paging.encode("other#2026")), Map.of("limit", "0"))) {
            APIGatewayV2HTTPEvent event = by(request("GET", "/admin/v1/audit", null), "audited", "admin-1", "[admin]");
            bad.forEach((name, value) -> withQuery(event, name, value));
            assertThat(call(event).getStatusCode()).as(bad.toString()).isEqualTo(400);
        }
    }

    @Test
    void anOrganisationCreatedByThePlatformShowsWhoCreatedIt() throws Exception {
        String body = MAPPER.createObjectNode().put("id", "fresh").put("name", "Fresh").put("language", "nb")
                .put("adminEmail", "kari@fresh.test").toString();
        APIGatewayV2HTTPEvent create = request("POST", "/platform/v1/tenants", body);
        create.getRequestContext().getAuthorizer().getJwt().getClaims().remove("tenant");
        create.getRequestContext().getAuthorizer().getJwt().getClaims().put("roles", "[platform-admin]");
        create.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", "operator-1");
        assertThat(call(create).getStatusCode()).isEqualTo(201);

        List<JsonNode> listed = entries(audit("fresh", Map.of()));

        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().get("subject").asText()).isEqualTo("operator-1");
        assertThat(listed.getFirst().get("route").asText()).isEqualTo("/platform/v1/tenants");
        assertThat(listed.getFirst().get("access").asText()).isEqualTo("platform");
        assertThat(listed.getFirst().get("objectId").asText()).isEqualTo("fresh");
    }

    @Test
    void withoutARecordAWriteOrAnAuditedReadAnswers503AndOtherReadsWork() {
        Map<String, Object> env = AdminApiEnvironment.tables(SharedEmulators.get());
        env.put("AUDIT_TABLE", "no-such-audit-table");
        try (AdminApiFunction broken = new AdminApiFunction(
                AdminApiEnvironment.start(env, SharedEmulators.get(), Clock.fixed(START, ZoneId.of("UTC"))))) {
            for (APIGatewayV2HTTPEvent audited : List.of(
                    by(request("POST", "/admin/v1/segments", SEGMENT), "audited", "editor-7", "[editor]"),
                    by(request("POST", "/admin/v1/segments", SEGMENT), "audited", "viewer-3", "[viewer]"),
                    by(request("GET", "/admin/v1/journeys/julegave/files", null), "audited", "editor-7", "[editor]"))) {
                APIGatewayV2HTTPResponse response = broken.handleRequest(audited, null);
                String method = audited.getRequestContext().getHttp().getMethod();
                assertThat(response.getStatusCode()).as(method + " " + audited.getRawPath()).isEqualTo(503);
                assertThat(OpenApiContract.get().check(method, audited.getRawPath(), response)).isEmpty();
            }
            APIGatewayV2HTTPResponse read = broken.handleRequest(
                    by(request("GET", "/admin/v1/segments", null), "audited", "editor-7", "[editor]"), null);
            assertThat(read.getStatusCode()).isEqualTo(200);
        }
    }
}
