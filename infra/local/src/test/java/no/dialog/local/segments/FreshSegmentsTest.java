package no.dialog.local.segments;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Segments that are never stale (docs/adr/0034-fresh-segments.md), through the local stack: a contact changed
 * by the register (a ContactChanged event on the bus, applied by the sync function) after the tenant's segment
 * snapshot was built shows in the next preview and is enrolled by a campaign activated five seconds later; a
 * campaign run that enrolled nobody says why and can be run again without enrolling anyone twice.
 */
class FreshSegmentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEGMENT = "students-past-exam";
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

    @Test
    void aContactChangedFiveSecondsBeforeACampaignsActivationIsEnrolledByIt() throws Exception {
        String tenant = "fresh";
        String editor = setUp(tenant, List.of(student("S-1"), student("S-2"), ordinary("O-1", "2026-11-01T10:00:00Z")));
        // The preview builds the tenant's snapshot and stores it: from here on, O-1's change is newer than it.
        assertThat(previewCount(tenant, editor)).isEqualTo(2);

        changeByTheRegister(tenant, "O-1");
        eventually(() -> isStudent(tenant, "O-1", editor), "O-1's change applied to Contacts by the sync function");
        assertThat(previewCount(tenant, editor)).as("the next preview sees the change").isEqualTo(3);

        Thread.sleep(5_000);
        String journey = "fresh-campaign";
        createCampaign(tenant, journey, editor);
        // The segmentation schedule runs every minute; moving the clock a minute on fires it now.
        stack.clock().advance(Duration.ofMinutes(1));

        DynamoDbEnrolmentStore enrolments = new DynamoDbEnrolmentStore(stack.emulators().dynamoDb(),
                stack.resources().requireTableName("EnrolmentsTable"));
        JsonNode run = eventuallyRun(tenant, journey, editor, 0, "done");
        for (String id : List.of("O-1", "S-1", "S-2")) {
            assertThat(enrolments.latest(TenantId.of(tenant), id, journey)).as(id).isPresent();
        }
        assertThat(run.get("runId").asText()).isEqualTo("campaign");
        assertThat(run.get("matched").asLong()).isEqualTo(3);
        assertThat(run.get("enrolled").asLong()).isEqualTo(3);
        assertThat(run.has("reason")).isFalse();
        // The run says what it read: the stored snapshot, older than the change, with the change laid over it.
        JsonNode view = run.get("view");
        assertThat(view.get("basis").asText()).isEqualTo("stored");
        assertThat(view.get("overlayContacts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Instant.parse(view.get("snapshotAsOf").asText())).isBefore(Instant.parse(view.get("readAt").asText()));
    }

    @Test
    void aRunThatEnrolledNobodyShowsWhyAndCanRunAgainWithoutEnrollingAnyoneTwice() throws Exception {
        String tenant = "rerun";
        String editor = setUp(tenant, List.of(ordinary("O-1", "2026-11-01T10:00:00Z")));
        String journey = "rerun-campaign";
        createCampaign(tenant, journey, editor);
        stack.clock().advance(Duration.ofMinutes(1));

        JsonNode empty = eventuallyRun(tenant, journey, editor, 0, "done");
        assertThat(empty.get("matched").asLong()).isZero();
        assertThat(empty.get("reason").asText()).isEqualTo("segment matched 0 contacts");

        changeByTheRegister(tenant, "O-1");
        eventually(() -> isStudent(tenant, "O-1", editor), "O-1's change applied to Contacts");
        assertThat(send("POST", "/admin/v1/journeys/" + journey + "/runs", token(tenant, "viewer"), null).statusCode())
                .as("viewers may not run a campaign").isEqualTo(403);
        HttpResponse<String> again = send("POST", "/admin/v1/journeys/" + journey + "/runs", editor, null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        String runId = MAPPER.readTree(again.body()).get("runId").asText();
        assertThat(runId).startsWith("campaign-rerun-");

        JsonNode second = eventuallyRun(tenant, journey, editor, 1, "done");
        assertThat(second.get("runId").asText()).isEqualTo(runId);
        assertThat(second.get("matched").asLong()).isEqualTo(1);
        assertThat(second.get("enrolled").asLong()).isEqualTo(1);
        assertThat(second.has("reason")).isFalse();

        Thread.sleep(5); // another millisecond, another run id
        HttpResponse<String> third = send("POST", "/admin/v1/journeys/" + journey + "/runs", editor, null);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(202);
        JsonNode nobody = eventuallyRun(tenant, journey, editor, 2, "done");
        assertThat(nobody.get("enrolled").asLong()).isZero();
        assertThat(nobody.get("alreadyEnrolled").asLong()).isEqualTo(1);
        assertThat(nobody.get("reason").asText()).isEqualTo("all already enrolled");
        JsonNode totals = MAPPER.readTree(send("GET", "/admin/v1/journeys/" + journey + "/results", editor, null).body())
                .get("totals");
        assertThat(totals.get("enrolled").asLong()).as("one enrolment, however often it ran").isEqualTo(1);

        assertThat(send("POST", "/admin/v1/journeys/" + journey + "/pause", editor, null).statusCode()).isEqualTo(200);
        HttpResponse<String> paused = send("POST", "/admin/v1/journeys/" + journey + "/runs", editor, null);
        assertThat(paused.statusCode()).isEqualTo(409);
        assertThat(paused.body()).contains("only an active campaign can be run again");
    }

    /** Creates the tenant with these contacts and the students segment; returns an editor's token. */
    private static String setUp(String tenant, List<Contact> contacts) throws Exception {
        var dynamoDb = stack.emulators().dynamoDb();
        new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(TenantId.of(tenant), "Fersk forening", stack.clock().instant()));
        DynamoDbContactStore store = new DynamoDbContactStore(dynamoDb, stack.resources().requireTableName("ContactsTable"),
                stack.clock(), 2);
        store.upsertAll(TenantId.of(tenant), contacts);
        store.close();
        String editor = token(tenant, "editor");
        HttpResponse<String> segment = send("POST", "/admin/v1/segments", editor,
                Files.readString(examples.resolve(SEGMENT + ".segment.json")));
        assertThat(segment.statusCode()).as(segment.body()).isEqualTo(201);
        return editor;
    }

    private static void createCampaign(String tenant, String journey, String editor) throws Exception {
        for (String name : List.of("student-ask.template.json", "student-remind.template.json")) {
            HttpResponse<String> template = send("POST", "/admin/v1/templates", editor, Files.readString(examples.resolve(name)));
            assertThat(template.statusCode()).as(template.body()).isIn(201, 409);
        }
        ObjectNode definition = (ObjectNode) MAPPER.readTree(Files.readString(examples.resolve("student-journey.json")));
        definition.put("id", journey);
        HttpResponse<String> created = send("POST", "/admin/v1/journeys", editor, definition.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/" + journey + "/activate", editor, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    }

    /** The register makes the person an active student whose exam has passed, as of now. */
    private static void changeByTheRegister(String tenant, String contactId) {
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(stack.baseUri().resolve("/aws/events")).region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            var result = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                    .eventBusName(stack.busName()).source("org.system").detailType("ContactChanged")
                    .detail("{\"tenant\":\"" + tenant + "\",\"contact\":" + studentJson(contactId,
                            stack.clock().instant().toString()) + "}")
                    .build()));
            assertThat(result.failedEntryCount()).isZero();
        }
    }

    private static boolean isStudent(String tenant, String contactId, String token) {
        try {
            HttpResponse<String> contact = send("GET", "/admin/v1/contacts/" + contactId, token, null);
            return contact.statusCode() == 200 && contact.body().contains("\"student\"");
        } catch (Exception e) {
            return false;
        }
    }

    private static long previewCount(String tenant, String token) throws Exception {
        HttpResponse<String> preview = send("GET", "/admin/v1/segments/" + SEGMENT + "/preview", token, null);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        return MAPPER.readTree(preview.body()).get("count").asLong();
    }

    /** Waits for run number {@code index} (oldest first) of the journey to reach {@code status}. */
    private static JsonNode eventuallyRun(String tenant, String journey, String token, int index, String status)
            throws Exception {
        List<JsonNode> found = new ArrayList<>();
        eventually(() -> {
            try {
                HttpResponse<String> runs = send("GET", "/admin/v1/journeys/" + journey + "/runs", token, null);
                JsonNode list = MAPPER.readTree(runs.body()).path("runs");
                if (runs.statusCode() == 200 && list.size() > index && status.equals(list.get(index).path("status").asText())) {
                    found.add(list.get(index));
                    return true;
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }, "run " + index + " of " + journey + " " + status);
        return found.get(found.size() - 1);
    }

    private static Contact student(String id) {
        return new ContactJson(stack.clock()).read(studentJson(id, "2026-11-01T10:00:00Z")).contact();
    }

    private static String studentJson(String id, String updatedAt) {
        return "{\"id\":\"" + id + "\",\"updatedAt\":\"" + updatedAt + "\",\"firstName\":\"Kari\",\"phone\":\"+4791234567\","
                + "\"memberships\":[{\"type\":\"student\",\"status\":\"active\",\"examDate\":\"2026-06-15\"}]}";
    }

    private static Contact ordinary(String id, String updatedAt) {
        return new ContactJson(stack.clock()).read("{\"id\":\"" + id + "\",\"updatedAt\":\"" + updatedAt + "\","
                + "\"firstName\":\"Per\",\"phone\":\"+4791234569\","
                + "\"memberships\":[{\"type\":\"ordinary\",\"status\":\"active\"}]}").contact();
    }

    private static String token(String tenant, String roles) throws Exception {
        return MAPPER.readTree(send("GET", "/local/token?tenant=" + tenant + "&roles=" + roles, null, null).body())
                .get("token").asText();
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
}
