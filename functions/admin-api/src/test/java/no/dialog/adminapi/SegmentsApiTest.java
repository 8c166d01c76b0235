package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.load;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The segment routes through the real admin API function, against DynamoDB Local. */
class SegmentsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STUDENTS_DONE = """
            {"all":[{"field":"membership.type","op":"equals","value":"student"},
                    {"field":"membership.examDate","op":"before","value":"today"}]}""";
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        String enrolments = (String) env.get("ENROLMENTS_TABLE");
        function = new ContractCheckedFunction(context);
        storePreviewContacts(context.getBean(ContactStore.class));
        storePreviewEnrolments(new DynamoDbEnrolmentStore(emulators.dynamoDb(), enrolments));
    }

    /**
     * In tenant "previews", students P-000 and P-006 (exam done) are in journey student-2026; P-000 has
     * answered that they are still a student, P-006 has not. P-012 left the journey before.
     */
    private static void storePreviewEnrolments(DynamoDbEnrolmentStore store) {
        TenantId tenant = TenantId.of("previews");
        Instant at = CLOCK.instant();
        for (String id : List.of("P-000", "P-006", "P-012")) {
            List<Enrolment.ReceivedSignal> received = id.equals("P-000")
                    ? List.of(new Enrolment.ReceivedSignal("answered", Map.of("question", "still-student", "value", "yes"),
                            at, "sig-1", "student-2026"))
                    : List.of();
            store.create(new Enrolment(tenant, EnrolmentIds.of(tenant, "student-2026", 1, id), "student-2026", 1, id,
                    id.equals("P-012") ? EnrolmentState.DONE : EnrolmentState.WAITING, "ask", null, at, null, null,
                    Map.of(), Map.of(), received, null, 0), List.of());
        }
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    /**
     * Tenant "previews": 40 contacts; every 3rd is a student (14), and of those every other one has had
     * the exam (7 before today, 7 after). Tenant "demo" gets one student with the exam done, which must
     * never show in the other tenant's count.
     */
    private static void storePreviewContacts(ContactStore contacts) {
        ContactJson json = new ContactJson(CLOCK);
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String membership = i % 3 == 0
                    ? "{\"type\":\"student\",\"status\":\"active\",\"examDate\":\"" + (i % 2 == 0 ? "2026-06-15" : "2027-06-15") + "\"}"
                    : "{\"type\":\"ordinary\",\"status\":\"active\"}";
            batch.add(contact(json, ("{\"id\":\"P-%03d\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"Navn%d\","
                    + "\"lastName\":\"Etternavn\",\"phone\":\"+4791234%03d\",\"memberships\":[%s]}")
                    .formatted(i, i, i, membership)));
        }
        contacts.upsertAll(TenantId.of("previews"), batch);
        contacts.upsert(TenantId.of("demo"), contact(json, "{\"id\":\"D-1\",\"updatedAt\":\"2026-11-20T10:00:00Z\","
                + "\"firstName\":\"Demo\",\"memberships\":[{\"type\":\"student\",\"status\":\"active\",\"examDate\":\"2026-01-10\"}]}"));
    }

    private static Contact contact(ContactJson json, String record) {
        ContactJson.Parsed parsed = json.read(record);
        assertThat(parsed.problems()).as("test contact is valid").isEmpty();
        return parsed.contact();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        return function.handleRequest(request, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    private static String segmentBody(String id, String name, String criteria) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"name\":\"" + name + "\",\"criteria\":" + criteria + "}";
    }

    @Test
    void aSegmentIsCreatedListedReadReplacedAndDeleted() throws Exception {
        APIGatewayV2HTTPResponse created = call(load("create-segment.json"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode segment = json(created);
        String id = segment.get("id").asText();
        assertThat(id).matches("studenter-med-eksamen-bak-seg-[a-z0-9]{6}");
        assertThat(segment.get("criteria")).isEqualTo(MAPPER.readTree(STUDENTS_DONE));
        assertThat(segment.get("updatedAt").asText()).isEqualTo("2026-11-23T12:30:00Z");
        assertThat(created.getHeaders()).containsEntry("Location", "/admin/v1/segments/" + id);

        JsonNode list = json(call(request("GET", "/admin/v1/segments", null)));
        assertThat(list.get("segments").findValuesAsText("id")).contains(id);

        APIGatewayV2HTTPResponse read = call(request("GET", "/admin/v1/segments/" + id, null));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).get("name").asText()).isEqualTo("Studenter med eksamen bak seg");

        APIGatewayV2HTTPResponse replaced = call(request("PUT", "/admin/v1/segments/" + id,
                segmentBody(null, "Ferdige studenter", "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}")));
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        JsonNode after = json(call(request("GET", "/admin/v1/segments/" + id, null)));
        assertThat(after.get("name").asText()).isEqualTo("Ferdige studenter");
        assertThat(after.get("criteria").get("op").asText()).isEqualTo("equals");

        assertThat(call(request("DELETE", "/admin/v1/segments/" + id, null)).getStatusCode()).isEqualTo(204);
        assertThat(call(request("GET", "/admin/v1/segments/" + id, null)).getStatusCode()).isEqualTo(404);
        assertThat(call(request("DELETE", "/admin/v1/segments/" + id, null)).getStatusCode()).isEqualTo(404);
        assertThat(call(request("PUT", "/admin/v1/segments/" + id, segmentBody(null, "Back?", STUDENTS_DONE)))
                .getStatusCode()).as("replace does not bring a deleted segment back").isEqualTo(404);
    }

    @Test
    void aChosenIdIsKeptAndCannotBeTakenTwice() throws Exception {
        APIGatewayV2HTTPResponse first = call(request("POST", "/admin/v1/segments", segmentBody("graduates", "Graduates", STUDENTS_DONE)));
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(json(first).get("id").asText()).isEqualTo("graduates");

        APIGatewayV2HTTPResponse second = call(request("POST", "/admin/v1/segments", segmentBody("graduates", "Again", STUDENTS_DONE)));
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(json(second).get("detail").asText()).contains("graduates").contains("already exists");
        assertThat(json(call(request("GET", "/admin/v1/segments/graduates", null))).get("name").asText()).isEqualTo("Graduates");
    }

    @Test
    void invalidCriteriaAreRefusedNamingEveryBadNode() throws Exception {
        String criteria = """
                {"all":[{"field":"membership.type","op":"equals","value":"student"},
                        {"field":"membership.examDate","op":"contains","value":"today"},
                        {"field":"shoeSize","op":"equals","value":42}]}""";
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/v1/segments", "{\"criteria\":" + criteria + "}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo("invalid segment");
        assertThat(body.get("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("name", "criteria.all[1].op", "criteria.all[2].field");
        assertThat(body.get("errors").toString()).contains("not valid for a date field").contains("unknown field");
        assertThat(json(call(request("GET", "/admin/v1/segments", null))).get("segments").toString())
                .doesNotContain("shoeSize");
    }

    @Test
    void unknownKeysAndAMismatchedIdAreProblemsToo() throws Exception {
        APIGatewayV2HTTPResponse unknown = call(request("POST", "/admin/v1/segments",
                "{\"name\":\"x\",\"criteria\":" + STUDENTS_DONE + ",\"owner\":\"me\",\"id\":\"bad#id\"}"));
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errors").findValuesAsText("path")).containsExactlyInAnyOrder("owner", "id");

        call(request("POST", "/admin/v1/segments", segmentBody("kept", "Kept", STUDENTS_DONE)));
        APIGatewayV2HTTPResponse mismatch = call(request("PUT", "/admin/v1/segments/kept", segmentBody("other", "Kept", STUDENTS_DONE)));
        assertThat(mismatch.getStatusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("errors").get(0).get("path").asText()).isEqualTo("id");
    }

    @Test
    void bodiesThatAreTooLargeMissingOrNotJsonGetTheirOwnAnswers() throws Exception {
        String huge = segmentBody(null, "x".repeat(70_000), STUDENTS_DONE);
        APIGatewayV2HTTPResponse tooLarge = call(request("POST", "/admin/v1/segments", huge));
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(json(tooLarge).get("detail").asText()).contains("at most 65536");

        APIGatewayV2HTTPResponse broken = call(request("POST", "/admin/v1/segments", "{\"name\": \"Kari Nordmann\",\n \"criteria\": {"));
        assertThat(broken.getStatusCode()).isEqualTo(400);
        assertThat(json(broken).get("detail").asText()).startsWith("the body is not valid JSON at line 2")
                .doesNotContain("Kari");

        APIGatewayV2HTTPResponse missing = call(request("POST", "/admin/v1/segments/preview", null));
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asText()).isEqualTo("a JSON body is required");

        APIGatewayV2HTTPResponse notAnObject = call(request("POST", "/admin/v1/segments", "[1,2]"));
        assertThat(notAnObject.getStatusCode()).isEqualTo(400);
        assertThat(json(notAnObject).get("errors").get(0).get("message").asText()).isEqualTo("must be a JSON object");
    }

    @Test
    void withoutVerifiedClaimsEverySegmentRouteIs401BeforeAnythingIsRead() throws Exception {
        List<APIGatewayV2HTTPEvent> requests = List.of(request("GET", "/admin/v1/segments", null),
                request("POST", "/admin/v1/segments", "{not json"), request("GET", "/admin/v1/segments/nope", null),
                request("DELETE", "/admin/v1/segments/nope", null), load("preview-segment.json"));
        for (APIGatewayV2HTTPEvent request : requests) {
            request.getRequestContext().setAuthorizer(null);
            APIGatewayV2HTTPResponse response = call(request);
            assertThat(response.getStatusCode()).as(request.getRawPath()).isEqualTo(401);
            assertThat(json(response).get("detail").asText()).isEqualTo("a staff token with a tenant claim is required");
        }
    }

    @Test
    void aViewerReadsAndPreviewsButCannotChangeSegments() throws Exception {
        call(request("POST", "/admin/v1/segments", segmentBody("viewer-sees", "Viewer sees", STUDENTS_DONE)));

        APIGatewayV2HTTPResponse create = call(as(request("POST", "/admin/v1/segments",
                segmentBody("viewer-made", "No", STUDENTS_DONE)), "demo", "[viewer]"));
        APIGatewayV2HTTPResponse replace = call(as(request("PUT", "/admin/v1/segments/viewer-sees",
                segmentBody(null, "No", STUDENTS_DONE)), "demo", "[viewer]"));
        APIGatewayV2HTTPResponse delete = call(as(request("DELETE", "/admin/v1/segments/viewer-sees", null), "demo", "[viewer]"));

        assertThat(List.of(create.getStatusCode(), replace.getStatusCode(), delete.getStatusCode())).containsOnly(403);
        assertThat(json(create).get("detail").asText()).isEqualTo("changing segments needs the editor or admin role");
        assertThat(call(as(request("GET", "/admin/v1/segments/viewer-sees", null), "demo", "[viewer]")).getStatusCode())
                .isEqualTo(200);
        assertThat(call(as(load("preview-segment.json"), "demo", "[viewer]")).getStatusCode()).isEqualTo(200);
        assertThat(call(request("GET", "/admin/v1/segments/viewer-made", null)).getStatusCode()).isEqualTo(404);
        assertThat(json(call(request("GET", "/admin/v1/segments/viewer-sees", null))).get("name").asText())
                .isEqualTo("Viewer sees");
    }

    @Test
    void anAdminMayWriteAndATokenWithoutRolesOrClaimsMayNotRead() {
        assertThat(call(as(request("POST", "/admin/v1/segments", segmentBody("by-admin", "Admin", STUDENTS_DONE)),
                "demo", "[admin]")).getStatusCode()).isEqualTo(201);
        assertThat(call(as(request("GET", "/admin/v1/segments", null), "demo", "[fundraiser-export]")).getStatusCode())
                .isEqualTo(403);
        APIGatewayV2HTTPEvent anonymous = request("GET", "/admin/v1/segments", null);
        anonymous.getRequestContext().setAuthorizer(null);
        assertThat(call(anonymous).getStatusCode()).isEqualTo(401);
    }

    @Test
    void anotherTenantsSegmentLooksExactlyLikeAMissingOne() throws Exception {
        call(request("POST", "/admin/v1/segments", segmentBody("demo-private", "Demo private", STUDENTS_DONE)));

        APIGatewayV2HTTPResponse read = call(as(request("GET", "/admin/v1/segments/demo-private", null), "other", "[editor]"));
        APIGatewayV2HTTPResponse missing = call(as(request("GET", "/admin/v1/segments/never-made", null), "other", "[editor]"));
        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(read.getBody()).isEqualTo(missing.getBody());
        assertThat(call(as(request("PUT", "/admin/v1/segments/demo-private", segmentBody(null, "Mine", STUDENTS_DONE)),
                "other", "[editor]")).getStatusCode()).isEqualTo(404);
        assertThat(call(as(request("DELETE", "/admin/v1/segments/demo-private", null), "other", "[editor]")).getStatusCode())
                .isEqualTo(404);
        assertThat(call(as(request("GET", "/admin/v1/segments/demo-private/preview", null), "other", "[editor]"))
                .getStatusCode()).isEqualTo(404);
        assertThat(json(call(as(request("GET", "/admin/v1/segments", null), "other", "[editor]"))).get("segments")
                .findValuesAsText("id")).doesNotContain("demo-private");
        assertThat(json(call(request("GET", "/admin/v1/segments/demo-private", null))).get("name").asText())
                .isEqualTo("Demo private");
    }

    @Test
    void previewCountsTheTenantsMatchingContactsWithASampleOfIdsAndNames() throws Exception {
        APIGatewayV2HTTPResponse response = call(as(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":" + STUDENTS_DONE + "}"), "previews", "[viewer]"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("count").asLong()).isEqualTo(7);
        assertThat(body.get("sample")).hasSize(7);
        assertThat(body.get("sample").findValuesAsText("id"))
                .containsExactlyInAnyOrder("P-000", "P-006", "P-012", "P-018", "P-024", "P-030", "P-036");
        assertThat(body.get("sample").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "firstName", "lastName");
        assertThat(response.getBody()).doesNotContain("+47");
    }

    @Test
    void previewsAskAboutBehaviourInJourneys() throws Exception {
        String inJourneyWithoutAnswer = """
                {"all":[%s,
                        {"field":"journey.inNow","op":"equals","value":"student-2026"},
                        {"not":{"field":"journey.answered","op":"equals",
                                "value":{"journey":"student-2026","question":"still-student"}}}]}""".formatted(STUDENTS_DONE);

        APIGatewayV2HTTPResponse response = call(as(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":" + inJourneyWithoutAnswer + "}"), "previews", "[viewer]"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("count").asLong()).isEqualTo(1);
        assertThat(body.get("sample").findValuesAsText("id")).containsExactly("P-006");

        APIGatewayV2HTTPResponse bad = call(as(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":{\"field\":\"journey.sentStep\",\"op\":\"equals\",\"value\":\"student-2026\"}}"),
                "previews", "[viewer]"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("criteria.value").contains("journeyId/stepId");
    }

    @Test
    void theSampleStopsAtTenWhileTheCountGoesOn() throws Exception {
        APIGatewayV2HTTPResponse response = call(as(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":{\"field\":\"membership.status\",\"op\":\"equals\",\"value\":\"active\"}}"), "previews", "[viewer]"));

        JsonNode body = json(response);
        assertThat(body.get("count").asLong()).isEqualTo(40);
        assertThat(body.get("sample")).hasSize(10);
    }

    @Test
    void aStoredSegmentPreviewsWithItsOwnCriteria() throws Exception {
        call(as(request("POST", "/admin/v1/segments", segmentBody("students-todo", "Exam ahead",
                "{\"all\":[{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"},"
                        + "{\"field\":\"membership.examDate\",\"op\":\"after\",\"value\":\"today\"}]}")), "previews", "[editor]"));

        APIGatewayV2HTTPResponse response = call(as(request("GET", "/admin/v1/segments/students-todo/preview", null),
                "previews", "[viewer]"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("count").asLong()).isEqualTo(7);
        assertThat(json(response).get("sample").findValuesAsText("id")).contains("P-003").doesNotContain("P-000");
    }

    @Test
    void thePreviewSampleEventCountsOnlyItsOwnTenant() throws Exception {
        // The sample asks for donors; demo has one contact, a student, and no donors.
        APIGatewayV2HTTPResponse response = call(load("preview-segment.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("count").asLong()).isZero();
        APIGatewayV2HTTPResponse students = call(request("POST", "/admin/v1/segments/preview", "{\"criteria\":" + STUDENTS_DONE + "}"));
        assertThat(json(students).get("count").asLong()).as("demo's one student, none of tenant previews'").isEqualTo(1);
    }

    @Test
    void invalidPreviewCriteriaNameTheNode() throws Exception {
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":{\"any\":[]}}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("path").asText()).isEqualTo("criteria.any");
    }

    @Test
    void theFieldRegistryTellsTheAdminUiWhatItMayOffer() throws Exception {
        APIGatewayV2HTTPResponse response = call(as(request("GET", "/admin/v1/segment-fields", null), "demo", "[viewer]"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode fields = json(response).get("fields");
        JsonNode status = null;
        for (JsonNode field : fields) {
            if (field.get("id").asText().equals("membership.status")) {
                status = field;
            }
        }
        assertThat(status).isNotNull();
        assertThat(status.get("type").asText()).isEqualTo("enum");
        assertThat(status.get("labels").get("nb").asText()).isEqualTo("Medlemskapsstatus");
        assertThat(status.get("values").toString()).contains("active", "lapsed");
        assertThat(status.get("operators").findValuesAsText("")).isEmpty();
        assertThat(MAPPER.convertValue(status.get("operators"), List.class))
                .containsExactly("equals", "notEquals", "in", "exists", "notExists");
        assertThat(fields.findValuesAsText("id")).contains("donor.lastGiftDate", "attributes.*",
                "predicted.dropoutRisk", "predicted.dropoutRiskDecile", "predicted.bestChannel", "predicted.bestHour");
        for (JsonNode field : fields) {
            if (field.get("id").asText().equals("predicted.lapseRiskDecile")) {
                assertThat(field.get("type").asText()).isEqualTo("number");
                assertThat(field.get("labels").get("en").asText()).isEqualTo("Member lapse risk (decile 1–10)");
            }
        }
        assertThat(call(as(request("GET", "/admin/v1/segment-fields", null), "demo", "[nobody]")).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void theListIsReadAPageAtATimeWithAnOpaqueCursor() throws Exception {
        for (int i = 0; i < 5; i++) {
            APIGatewayV2HTTPResponse created = call(as(request("POST", "/admin/v1/segments",
                    segmentBody("paged-" + i, "Paged " + i, STUDENTS_DONE)), "pages", "[editor]"));
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPEvent list = withQuery(as(request("GET", "/admin/v1/segments", null), "pages", "[viewer]"), "limit", "2");
            if (cursor != null) {
                list = withQuery(list, "cursor", cursor);
            }
            JsonNode page = json(call(list));
            page.get("segments").forEach(segment -> seen.add(segment.get("id").asText()));
            assertThat(page.get("segments").size()).isLessThanOrEqualTo(2);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
        assertThat(pages).isEqualTo(3);

        APIGatewayV2HTTPResponse badCursor = call(withQuery(as(request("GET", "/admin/v1/segments", null), "pages", "[viewer]"),
                "cursor", "not a cursor!"));
        APIGatewayV2HTTPResponse badLimit = call(withQuery(as(request("GET", "/admin/v1/segments", null), "pages", "[viewer]"),
                "limit", "201"));
        assertThat(badCursor.getStatusCode()).isEqualTo(400);
        assertThat(json(badCursor).get("detail").asText()).contains("cursor");
        assertThat(badLimit.getStatusCode()).isEqualTo(400);
        assertThat(json(badLimit).get("detail").asText()).contains("limit");
    }
}
