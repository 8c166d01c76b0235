package no.dialog.local.journeys;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example journey of the journey-engine issue, "Are you still a student?", run through the local
 * stack from the shipped examples in docs/examples: a segment of students whose exam date has passed,
 * an SMS with a link, a wait of up to 7 days for an answer, a reminder to those who did not answer,
 * another 7 days, exit. The clock is advanced instead of waiting two weeks.
 */
class StudentJourneyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId SCHOOL = TenantId.of("school");
    private static final String JOURNEY = "student";
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
        return MAPPER.readTree(send("GET", "/local/token?tenant=school&roles=" + roles, null, null).body())
                .get("token").asText();
    }


    private static String example(String name) throws Exception {
        return Files.readString(examples.resolve(name));
    }

    private static List<Contact> contacts() {
        ContactJson json = new ContactJson(stack.clock());
        List<Contact> contacts = new ArrayList<>();
        // The LINK sandbox's switch: S-3's number (…98) expires, S-5's (…99) is not delivered.
        Map<String, String> students = new java.util.LinkedHashMap<>();
        students.put("S-1", "+4791234567");
        students.put("S-2", "+4791234567");
        students.put("S-3", "+4791234598");
        students.put("S-4", "+4791234567");
        students.put("S-5", "+4791234599");
        students.forEach((id, phone) -> contacts.add(
                json.read(student(id, "2026-06-15", "\"phone\":\"" + phone + "\",")).contact()));
        // Exam ahead, no phone, not a student: none of these is in the segment.
        contacts.add(json.read(student("F-1", "2027-06-15", "\"phone\":\"+4791234568\",")).contact());
        contacts.add(json.read(student("N-1", "2026-06-15", "")).contact());
        contacts.add(json.read("{\"id\":\"O-1\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Per\","
                + "\"phone\":\"+4791234569\",\"memberships\":[{\"type\":\"ordinary\",\"status\":\"active\"}]}").contact());
        return contacts;
    }

    /**
     * An active student member: the existing relationship lets the organisation text them without a recorded
     * consent (markedsføringsloven § 15, {@code GiverRelationship}).
     */
    private static String student(String id, String examDate, String phone) {
        return "{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Kari\"," + phone
                + "\"memberships\":[{\"type\":\"student\",\"status\":\"active\",\"examDate\":\"" + examDate + "\"}]}";
    }

    private static List<String> objectKeys(String bucket) {
        return stack.emulators().s3().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
    }

    private static long count(EnrolmentStore enrolments, String step, ResultCounter counter) {
        return enrolments.results(SCHOOL, JOURNEY).stream()
                .filter(r -> r.key().counter() == counter && (step == null || step.equals(r.key().stepId())))
                .mapToLong(EnrolmentStore.ResultCount::count).sum();
    }

    private static JsonNode resultTotals() {
        try {
            return MAPPER.readTree(send("GET", "/admin/v1/journeys/student/results", token("viewer"), null).body())
                    .get("totals");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void studentsPastTheirExamAreAskedAndThoseWhoDoNotAnswerAreReminded() throws Exception {
        // SMS outside quiet hours wait for the morning: start in the day, so both rounds go at once.
        Daytime.moveIntoDaytime(stack.clock());
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(SCHOOL, "Studentforbundet", stack.clock().instant()));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        contacts.upsertAll(SCHOOL, contacts());
        contacts.close();

        String editor = token("editor");
        HttpResponse<String> segment = send("POST", "/admin/v1/segments", editor, example("students-past-exam.segment.json"));
        assertThat(segment.statusCode()).as(segment.body()).isEqualTo(201);
        HttpResponse<String> preview = send("GET", "/admin/v1/segments/students-past-exam/preview", editor, null);
        assertThat(MAPPER.readTree(preview.body()).get("count").asLong()).isEqualTo(5);

        for (String name : List.of("student-ask.template.json", "student-remind.template.json")) {
            HttpResponse<String> template = send("POST", "/admin/v1/templates", editor, example(name));
            assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        }
        com.fasterxml.jackson.databind.node.ObjectNode journey = (com.fasterxml.jackson.databind.node.ObjectNode)
                MAPPER.readTree(example("student-journey.json"));
        journey.put("id", JOURNEY);
        HttpResponse<String> created = send("POST", "/admin/v1/journeys", editor, journey.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> byViewer = send("POST", "/admin/v1/journeys/student/activate", token("viewer"), null);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/student/activate", editor, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        DynamoDbEnrolmentStore enrolments = new DynamoDbEnrolmentStore(dynamoDb, resources.requireTableName("EnrolmentsTable"));
        // The segmentation schedule runs every minute; moving the clock a minute on fires it now.
        stack.clock().advance(Duration.ofMinutes(1));
        eventually(() -> count(enrolments, "ask", ResultCounter.QUEUED) == 5, "the first SMS to the five students");
        assertThat(count(enrolments, null, ResultCounter.ENROLLED)).isEqualTo(5);
        // The segment was evaluated on the tenant's snapshot, built from Contacts and kept in S3.
        String snapshots = resources.ref("SnapshotsBucket").orElseThrow();
        assertThat(objectKeys(snapshots)).contains("snapshots/school/contacts.snap");

        for (String answering : List.of("S-2", "S-4")) {
            HttpResponse<String> signal = send("POST", "/local/signals", null, """
                    {"tenant":"school","type":"answered","contactId":"%s","journeyId":"student",
                     "attributes":{"question":"still-student","value":"yes"}}""".formatted(answering));
            assertThat(signal.statusCode()).as(signal.body()).isEqualTo(202);
        }
        eventually(() -> count(enrolments, null, ResultCounter.GOAL_REACHED) == 2, "two answers reaching the goal");

        stack.clock().advance(Duration.ofDays(7).plusMinutes(1));
        eventually(() -> count(enrolments, "remind", ResultCounter.QUEUED) == 3, "reminders to the three who did not answer");
        for (String answered : List.of("S-2", "S-4")) {
            Enrolment enrolment = enrolments.latest(SCHOOL, answered, JOURNEY).orElseThrow();
            assertThat(enrolment.state()).isEqualTo(EnrolmentState.DONE);
            assertThat(enrolment.exitReason()).isEqualTo("goal");
        }

        stack.clock().advance(Duration.ofDays(7).plusMinutes(1));
        eventually(() -> count(enrolments, null, ResultCounter.EXITED) == 5, "everyone out after the second wait");
        assertThat(count(enrolments, null, ResultCounter.QUEUED)).isEqualTo(8);
        assertThat(count(enrolments, null, ResultCounter.ENROLLED)).isEqualTo(5);
        // Each SMS request reached the LINK sandbox once: five questions, three reminders.
        eventually(() -> stack.outbox().newest("school", "sms", 100).size() >= 8, "eight SMS in the outbox");
        assertThat(stack.outbox().newest("school", "sms", 100)).hasSize(8)
                .extracting(OutboxMessage::sender).containsOnly("Studentforb");

        // A fresh token: the one from the start expired while the local clock moved two weeks on.
        HttpResponse<String> resultsResponse = send("GET", "/admin/v1/journeys/student/results", token("viewer"), null);
        assertThat(resultsResponse.statusCode()).as(resultsResponse.body()).isEqualTo(200);
        JsonNode results = MAPPER.readTree(resultsResponse.body());
        assertThat(results.findValues("goalConversionRate")).as(results.toString()).isNotEmpty();
        assertThat(results.toString()).contains("\"goalReached\":2");

        // The funnel follows each SMS to its delivery report (the sandbox's gate posts them to the webhook).
        eventually(() -> {
            JsonNode reported = resultTotals();
            return reported.get("delivered").asLong() + reported.get("failedProvider").asLong()
                    + reported.get("failedExpired").asLong() == 8;
        }, "a delivery report for each of the eight SMS");
        JsonNode totals = resultTotals();
        assertThat(totals.get("queued").asLong()).isEqualTo(8);
        assertThat(totals.get("sent").asLong()).isEqualTo(8);
        assertThat(totals.get("smsParts").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(totals.get("delivered").asLong()).as("S-1 twice, S-2 and S-4 once").isEqualTo(4);
        assertThat(totals.get("failedExpired").asLong()).as("S-3's question and reminder").isEqualTo(2);
        assertThat(totals.get("failedProvider").asLong()).as("S-5's question and reminder").isEqualTo(2);
        // The failures add up: nothing was refused before LINK, and every message sent has its outcome.
        assertThat(totals.get("queued").asLong()).isEqualTo(totals.get("sent").asLong()
                + totals.get("failedNoConsent").asLong() + totals.get("failedOptedOut").asLong()
                + totals.get("failedUnreachable").asLong());
        // The clock passed a Monday morning: the weekly summary, its links and the console's pictures.
        ResultsConsoleChecks.check(stack, "school", JOURNEY, "ask", 5);
    }
}
