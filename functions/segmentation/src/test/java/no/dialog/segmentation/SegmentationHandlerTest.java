package no.dialog.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real segmentation handler against the emulators: the minute tick from events/segmentation
 * starts a due campaign once, its evaluation queues the segment's people in chunks, and the chunks
 * enrol them (a redelivered chunk enrols nobody twice).
 */
class SegmentationHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:05:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JOBS_ARN = "arn:aws:sqs:eu-north-1:000000000000:dialog-segment-jobs-local";
    private static Emulators emulators;
    private static ApplicationContext context;
    private static SegmentationHandler handler;
    private static final Map<String, String> queues = new HashMap<>();

    @BeforeAll
    static void startFunction() throws Exception {
        emulators = SharedEmulators.get();
        var sqs = emulators.sqs();
        Map<String, String> names = Map.of("SEGMENT_JOBS_QUEUE_URL", "dialog-segment-jobs-local",
                "SEGMENT_JOBS_DLQ_URL", "dialog-segment-jobs-dlq-local", "JOURNEY_STEPS_QUEUE_URL", "seg-test-journey-steps");
        names.forEach((env, name) -> queues.put(env, sqs.createQueue(b -> b.queueName(name)).queueUrl()));
        Map<String, Object> env = new HashMap<>(queues);
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("ENROLMENTS_TABLE", TestTables.enrolments(emulators.dynamoDb()));
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null), CLOCK);
        handler = new SegmentationHandler(context);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo", CLOCK.instant()));
        ContactJson json = new ContactJson(CLOCK);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            String type = i % 2 == 0 ? "student" : "ordinary";
            contacts.add(json.read(("{\"id\":\"M-%04d\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"phone\":\"+4791234567\","
                    + "\"memberships\":[{\"type\":\"%s\",\"status\":\"active\",\"examDate\":\"2026-06-15\"}]}").formatted(i, type))
                    .contact());
        }
        context.getBean(ContactStore.class).upsertAll(DEMO, contacts);
        context.getBean(SegmentStore.class).save(DEMO, new SegmentDefinition("students", "Studenter", MAPPER.readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}"), CLOCK.instant()));
        JourneyStore journeys = context.getBean(JourneyStore.class);
        JourneyHead head = journeys.create(DEMO, "welcome", "Velkommen", MAPPER.readTree("""
                {"name": "Velkommen",
                 "trigger": {"type": "campaign", "segmentId": "students", "startAt": "2026-12-01T09:00:00Z"},
                 "goal": {"signal": {"type": "answered", "sameJourney": true}, "window": "P14D", "exitOnGoal": true},
                 "start": "wait",
                 "steps": [
                   {"id": "wait", "type": "wait", "duration": "P1D", "next": "done"},
                   {"id": "done", "type": "exit"}
                 ]}"""), CLOCK.instant());
        journeys.changeStatus(DEMO, "welcome", head.revision(), JourneyStatus.ACTIVE, CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static SQSEvent tick() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return EventLoader.loadSQSEvent(dir.resolve("events/segmentation/tick.json").toString());
    }

    private static List<Message> drain(String queueEnvName) {
        List<Message> all = new ArrayList<>();
        List<Message> page;
        do {
            page = emulators.sqs().receiveMessage(b -> b.queueUrl(queues.get(queueEnvName)).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }

    private static SQSEvent asEvent(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setBody(m.body());
            record.setEventSourceArn(JOBS_ARN);
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            return record;
        }).toList());
        return event;
    }

    @Test
    void theTickStartsTheCampaignOnceAndItsChunksEnrolEachStudentOnce() throws Exception {
        assertThat(handler.handleRequest(tick(), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(tick(), null).getBatchItemFailures()).isEmpty();
        List<Message> evaluations = drain("SEGMENT_JOBS_QUEUE_URL");
        assertThat(evaluations).hasSize(1);
        assertThat(MAPPER.readTree(evaluations.get(0).body()).get("kind").asText()).isEqualTo("evaluate");

        assertThat(handler.handleRequest(asEvent(evaluations), null).getBatchItemFailures()).isEmpty();
        List<Message> chunks = drain("SEGMENT_JOBS_QUEUE_URL");
        // 310 students in chunks of at most 500 ids.
        assertThat(chunks).hasSize(1);
        assertThat(MAPPER.readTree(chunks.get(0).body()).get("contactIds")).hasSize(310);

        SQSBatchResponse enrolled = handler.handleRequest(asEvent(chunks), null);
        SQSBatchResponse again = handler.handleRequest(asEvent(chunks), null);

        assertThat(enrolled.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        EnrolmentStore enrolments = context.getBean(EnrolmentStore.class);
        assertThat(enrolments.ofContact(DEMO, "M-0000")).hasSize(1);
        assertThat(enrolments.ofContact(DEMO, "M-0001")).isEmpty();
        long enrolledCount = enrolments.results(DEMO, "welcome").stream()
                .filter(r -> r.key().counter() == no.dialog.core.journey.ResultCounter.ENROLLED)
                .mapToLong(EnrolmentStore.ResultCount::count).sum();
        assertThat(enrolledCount).isEqualTo(310);
        // The run is recorded: what it read, and the redelivered chunk counted once.
        no.dialog.core.enrolment.JourneyRun run = context.getBean(no.dialog.core.enrolment.JourneyRuns.class)
                .list(DEMO, "welcome").get(0);
        assertThat(run.runId()).isEqualTo("campaign");
        assertThat(run.matched()).isEqualTo(310);
        assertThat(run.status()).isEqualTo(no.dialog.core.enrolment.JourneyRun.DONE);
        assertThat(run.outcome()).isEqualTo(new no.dialog.core.enrolment.RunChunk(310, 0, 0, 0));
        assertThat(run.readAt()).isNotNull();
        // Their first steps were asked for in chunks: 310 refs, 50 per message.
        assertThat(drain("JOURNEY_STEPS_QUEUE_URL")).hasSize(7);
    }
}
