package no.dialog.journeys;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
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
 * The real journeys handler on a real application context against the emulators, fed with the
 * payloads in events/journeys: a gift from the organisation's system starts a thank-you journey once,
 * its first step puts one SMS request on the SMS queue, and an event of an unknown type goes to the
 * dead-letter queue with its reason.
 */
class JourneysHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:05:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Emulators emulators;
    private static ApplicationContext context;
    private static JourneysHandler handler;
    private static final Map<String, String> queues = new HashMap<>();

    @BeforeAll
    static void startFunction() throws Exception {
        emulators = SharedEmulators.get();
        var sqs = emulators.sqs();
        // Names as in the sample events' eventSourceARN: the handler tells its two queues apart by them.
        Map<String, String> names = Map.of("JOURNEY_STEPS_QUEUE_URL", "dialog-journey-steps-local",
                "JOURNEY_STEPS_DLQ_URL", "dialog-journey-steps-dlq-local", "RESPONSES_QUEUE_URL", "dialog-responses-local",
                "RESPONSES_DLQ_URL", "dialog-responses-dlq-local", "SEND_SMS_QUEUE_URL", "dialog-send-sms-local");
        names.forEach((env, name) -> queues.put(env, sqs.createQueue(b -> b.queueName(name)).queueUrl()));
        Map<String, Object> env = new HashMap<>(queues);
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("ENROLMENTS_TABLE", TestTables.enrolments(emulators.dynamoDb()));
        env.put("EVENT_BUS_NAME", "dialog-local");
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null), CLOCK);
        handler = new JourneysHandler(context);

        context.getBean(ContactStore.class).upsert(DEMO, new ContactJson(CLOCK).read("""
                {"id":"M-100001","updatedAt":"2026-11-23T11:59:00Z","firstName":"Kari","phone":"+4791234567"}""").contact());
        context.getBean(TemplateStore.class).save(DEMO, new MessageTemplate("thanks", SendChannel.SMS, "nb", null,
                "Tusen takk for gaven, {{ firstName }}!"));
        JourneyStore journeys = context.getBean(JourneyStore.class);
        JourneyHead head = journeys.create(DEMO, "thank-you", "Takk for gaven", MAPPER.readTree("""
                {"name": "Takk for gaven",
                 "trigger": {"type": "signal", "signal": {"type": "GiftReceived"}, "dedupAttribute": "giftId"},
                 "entry": {"reenterAfterExit": true, "maxEnrolments": null},
                 "goal": {"signal": {"type": "GiftReceived"}, "window": "P30D", "exitOnGoal": false},
                 "start": "thank",
                 "steps": [
                   {"id": "thank", "type": "send", "channel": "sms", "templateId": "thanks", "next": "done"},
                   {"id": "done", "type": "exit"}
                 ]}"""), CLOCK.instant());
        journeys.changeStatus(DEMO, "thank-you", head.revision(), JourneyStatus.ACTIVE, CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static SQSEvent event(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return EventLoader.loadSQSEvent(dir.resolve("events/journeys").resolve(name).toString());
    }

    private static List<Message> drain(String queueEnvName) {
        return emulators.sqs().receiveMessage(b -> b.queueUrl(queues.get(queueEnvName)).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
    }

    /** The messages the handler put on the journey-steps queue, delivered back to it as SQS would. */
    private static SQSEvent stepsEvent(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setBody(m.body());
            record.setEventSourceArn("arn:aws:sqs:eu-north-1:000000000000:dialog-journey-steps-local");
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            return record;
        }).toList());
        return event;
    }

    @Test
    void aGiftStartsTheThankYouJourneyOnceAndItsFirstStepQueuesOneSms() throws Exception {
        SQSBatchResponse first = handler.handleRequest(event("gift-received.json"), null);
        SQSBatchResponse redelivered = handler.handleRequest(event("gift-received.json"), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(context.getBean(EnrolmentStore.class).ofContact(DEMO, "M-100001")).hasSize(1);

        List<Message> steps = drain("JOURNEY_STEPS_QUEUE_URL");
        assertThat(steps).hasSize(1);
        assertThat(handler.handleRequest(stepsEvent(steps), null).getBatchItemFailures()).isEmpty();
        // The same step message again (a redelivery): nothing more is sent.
        assertThat(handler.handleRequest(stepsEvent(steps), null).getBatchItemFailures()).isEmpty();

        List<Message> sms = drain("SEND_SMS_QUEUE_URL");
        assertThat(sms).hasSize(1);
        assertThat(MAPPER.readTree(sms.get(0).body()).get("templateId").asText()).isEqualTo("thanks");
        assertThat(MAPPER.readTree(sms.get(0).body()).get("idempotencyKey").asText()).startsWith("demo:thank-you-1-");
    }

    @Test
    void theMinuteSweepFansOutOneMessagePerShardOfTheDueIndex() throws Exception {
        assertThat(handler.handleRequest(event("sweep.json"), null).getBatchItemFailures()).isEmpty();

        List<String> shards = new java.util.ArrayList<>();
        List<Message> page;
        do {
            page = drain("JOURNEY_STEPS_QUEUE_URL");
            for (Message m : page) {
                var body = MAPPER.readTree(m.body());
                if (body.get("kind").asText().equals("sweepShard")) {
                    shards.add(body.get("shard").asText());
                }
            }
        } while (!page.isEmpty());
        assertThat(shards).hasSize(context.getBean(EnrolmentStore.class).dueShards()).doesNotHaveDuplicates();
    }

    @Test
    void theHourlyLookDeclaresTheWinnerOfADecidedAutoWinnerExperimentOnceAndRecordsIt() throws Exception {
        context.getBean(no.dialog.core.tenant.TenantDirectory.class)
                .createIfAbsent(new no.dialog.core.tenant.Tenant(DEMO, "Demo", CLOCK.instant()));
        JourneyStore journeys = context.getBean(JourneyStore.class);
        JourneyHead head = journeys.create(DEMO, "ab-ask", "Svar oss", MAPPER.readTree("""
                {"name": "Svar oss",
                 "trigger": {"type": "campaign", "segmentId": "members", "startAt": null},
                 "entry": {"reenterAfterExit": false, "maxEnrolments": null},
                 "goal": {"signal": {"type": "answered", "sameJourney": true}, "window": "P14D", "exitOnGoal": true},
                 "experiment": {"step": "ask", "metric": "goal-conversion", "holdoutPercent": 10, "autoWinner": true},
                 "start": "ask",
                 "steps": [
                   {"id": "ask", "type": "send", "channel": "sms",
                    "variants": [{"name": "A", "templateId": "thanks", "weight": 1},
                                 {"name": "B", "templateId": "thanks", "weight": 1}], "next": "done"},
                   {"id": "done", "type": "exit"}
                 ]}"""), CLOCK.instant());
        journeys.changeStatus(DEMO, "ab-ask", head.revision(), JourneyStatus.ACTIVE, CLOCK.instant());
        EnrolmentStore enrolments = context.getBean(EnrolmentStore.class);
        // The arms' counters as the engine leaves them: A converts 10% of 3,000, B 16% of 3,000.
        arm(enrolments, "A", 3_000, 300);
        arm(enrolments, "B", 3_000, 480);
        arm(enrolments, "holdout", 600, 30);

        assertThat(handler.handleRequest(event("experiments.json"), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(event("experiments.json"), null).getBatchItemFailures()).isEmpty();

        assertThat(journeys.head(DEMO, "ab-ask").orElseThrow().winner(1)).isEqualTo("B");
        assertThat(journeys.history(DEMO, "ab-ask")).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(no.dialog.core.journey.JourneyEvent.WINNER_DECLARED);
            assertThat(event.arm()).isEqualTo("B");
            assertThat(event.reason()).isEqualTo("auto-winner: B better");
        });
    }

    private static void arm(EnrolmentStore enrolments, String arm, long entered, long converted) {
        no.dialog.core.journey.Enrolment counter = new no.dialog.core.journey.Enrolment(DEMO,
                "ab-ask-1-" + String.format("%020d", Math.abs(arm.hashCode())), "ab-ask", 1, "C-" + arm,
                no.dialog.core.journey.EnrolmentState.DONE, "done", null, CLOCK.instant(), null, null, Map.of(),
                Map.of(), List.of(), "completed", 0);
        assertThat(enrolments.create(counter, List.of(
                new no.dialog.core.enrolment.ResultKey("ab-ask", 1, "ask", arm, no.dialog.core.journey.ResultCounter.ARM_ENTERED, entered),
                new no.dialog.core.enrolment.ResultKey("ab-ask", 1, "ask", arm, no.dialog.core.journey.ResultCounter.ARM_CONVERTED, converted))))
                .isTrue();
    }

    @Test
    void anAnswerForSomeoneWithoutARunningJourneyChangesNothingAndIsNotAFailure() {
        SQSBatchResponse response = handler.handleRequest(event("answered.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(drain("RESPONSES_DLQ_URL")).isEmpty();
    }

    @Test
    void anEventOfAnUnknownTypeGoesToTheDeadLetterQueueWithItsReason() {
        SQSBatchResponse response = handler.handleRequest(event("unknown-event-type.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> dead = drain("RESPONSES_DLQ_URL");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
                .isEqualTo("unknown event type");
    }
}
