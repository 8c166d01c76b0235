package no.dialog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.aws.dynamodb.DynamoDbJourneyStore;
import no.dialog.aws.dynamodb.DynamoDbTemplateStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.bench.usage.Measurement;
import no.dialog.bench.usage.UnitCost;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Wait fan-out through the local stack: N enrolments whose wait ends in the same minute. After the
 * clock passes that minute, the sweep schedule fires, the journeys function fans the due index out
 * (one message per shard, then chunks of enrolments) and advances everyone through a send step to
 * the exit. Printed: enrolments advanced per second, from the clock advance to the last exit.
 *
 * <p>{@code infra/bench/run fanout [enrolments=100000]}. Contacts and enrolments are written straight
 * into the tables first (that part is not timed).
 */
public final class WaitFanOutBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final String JOURNEY = "fan-out";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The threads the floor issues the run's calls from. */
    static final int FLOOR_THREADS = 16;

    private WaitFanOutBenchmark() {}

    /** How long the benchmark waits for every enrolment to exit at most. */
    static final Duration PATIENCE = Duration.ofMinutes(30);

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        if (!run(count, PATIENCE, false).ok()) {
            System.exit(1);
        }
    }

    /**
     * What one run saw: the journey's result counters and, if the run waited for them, the SMS the send step
     * queued as they reached the LINK sandbox.
     *
     * @param exited       enrolments advanced to the exit
     * @param sendsQueued  SMS the send step queued (one per enrolment; more would be sends queued twice)
     * @param notSendable  send steps with no channel to send on
     * @param capped       send steps held back by the tenant's frequency cap
     * @param smsAccepted  messages the sandbox accepted (counted from the start; final only if the run waited)
     * @param smsDistinct  distinct refIds among them
     * @param floorEnrolmentsPerSecond the emulator floor: the run's DynamoDB and SQS calls alone
     * @param cost         per enrolment: own CPU, AWS requests and capacity, hottest keys, projected bill
     */
    public record Result(int enrolments, long exited, long sendsQueued, long notSendable, long capped, double seconds,
            long smsAccepted, long smsDistinct, double floorEnrolmentsPerSecond, UnitCost cost) {

        /** Enrolments that did not reach the exit. */
        public long lost() {
            return Math.max(0, enrolments - exited);
        }

        /** Messages the sandbox got more than once. */
        public long secondSends() {
            return smsAccepted - smsDistinct;
        }

        /** The benchmark's verdict (its exit code): every enrolment advanced to the exit. */
        public boolean ok() {
            return exited >= enrolments;
        }
    }

    /**
     * Runs the benchmark and prints its figures (the warning too, if enrolments are left); never exits.
     *
     * @param patience  how long to wait for the exits at most (and, if asked, for the SMS after them)
     * @param awaitSms  after the figures, also wait (not timed) until the sandbox has as many distinct SMS
     *                  as were queued and the send-sms queue is empty, so the result's SMS counts are final
     */
    public static Result run(int count, Duration patience, boolean awaitSms) throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        int concurrency = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        LocalStackOptions options = new LocalStackOptions(0, null, false, template, 0, 0, 0, 0, concurrency);
        try (LocalStack stack = LocalStack.start(options)) {
            AtomicLong smsAccepted = new AtomicLong();
            Set<String> smsRefIds = ConcurrentHashMap.newKeySet();
            stack.outbox().addListener(message -> {
                if (TENANT.value().equals(message.tenant())) {
                    smsAccepted.incrementAndGet();
                    smsRefIds.add(message.idempotencyKey());
                }
            });
            var dynamoDb = stack.emulators().dynamoDb();
            // The send step may go at any hour (but the minute before midnight): the engine must not hold
            // everyone at the step until the default quiet hours (08:00-21:00 Oslo time) open.
            new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                    .createIfAbsent(new Tenant(TENANT, "Benchmark", stack.clock().instant(),
                            Map.of(QuietHours.SETTING, SmsBenchmark.ALL_DAY)));
            String definitions = stack.resources().requireTableName("DefinitionsTable");
            new DynamoDbTemplateStore(dynamoDb, definitions).save(TENANT, new MessageTemplate("fan-out-sms",
                    SendChannel.SMS, "nb", null, "Hei {{ firstName }}! Takk for at du er med."));
            DynamoDbJourneyStore journeys = new DynamoDbJourneyStore(dynamoDb, definitions);
            JourneyHead head = journeys.create(TENANT, JOURNEY, "Fan-out", journey(), stack.clock().instant());
            journeys.changeStatus(TENANT, JOURNEY, head.revision(), JourneyStatus.ACTIVE, stack.clock().instant());

            DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb,
                    stack.resources().requireTableName("ContactsTable"), stack.clock(), 8);
            DynamoDbEnrolmentStore enrolments = new DynamoDbEnrolmentStore(dynamoDb,
                    stack.resources().requireTableName("EnrolmentsTable"));
            // Due a day ahead, so no sweep during seeding touches them; the clock then jumps past that minute.
            Instant due = stack.clock().instant().plus(Duration.ofDays(1));
            long seedStart = System.nanoTime();
            seed(contacts, enrolments, count, due, stack.clock().instant());
            contacts.close();
            System.out.printf("seeded %,d contacts and waiting enrolments in %.1f s%n", count,
                    (System.nanoTime() - seedStart) / 1e9);

            Measurement measurement = Measurement.start(stack, "journeys", "send-sms");
            long start = System.nanoTime();
            stack.clock().advance(Duration.ofDays(1).plusMinutes(1));
            long exited = 0;
            long deadline = start + patience.toNanos();
            while (exited < count && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                exited = total(enrolments, ResultCounter.EXITED);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            UnitCost cost = measurement.stop("enrolments", Math.max(1, exited));
            long sent = total(enrolments, ResultCounter.QUEUED);
            // The floor: the run's DynamoDB and SQS calls alone, from as many threads as the journeys function's
            // instances advance enrolments with.
            double floor = Measurement.floorUnitsPerSecond(stack, cost, FLOOR_THREADS);
            System.out.printf("%nwait fan-out benchmark (local stack, DynamoDB Local in memory, %d cores, %d function instances)%n",
                    Runtime.getRuntime().availableProcessors(), concurrency);
            System.out.printf("  enrolments due in the same minute  %,d%n", count);
            System.out.printf("  advanced to the exit               %,d (sends queued: %,d)%n", exited, sent);
            System.out.printf("  time, clock advance → last exit    %.1f s%n", seconds);
            System.out.printf("  per enrolment (the journeys function's sweep, fan-out and steps; send-sms after it)%n");
            cost.print(System.out, floor);
            if (exited < count) {
                System.out.println("  WARNING: not every enrolment was advanced within " + patience.toMinutes()
                        + " minutes");
            }
            if (awaitSms) {
                String queueUrl = stack.resources().requireQueueUrl("SendSmsQueue");
                while (System.nanoTime() < deadline && !(smsRefIds.size() >= sent && drained(stack, queueUrl))) {
                    Thread.sleep(250);
                }
            }
            return new Result(count, exited, sent, total(enrolments, ResultCounter.NOT_SENDABLE),
                    total(enrolments, ResultCounter.CAPPED), seconds, smsAccepted.get(), smsRefIds.size(), floor,
                    cost);
        }
    }

    private static boolean drained(LocalStack stack, String queueUrl) {
        return stack.emulators().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .allMatch("0"::equals);
    }

    static JsonNode journey() throws Exception {
        return JSON.readTree("""
                {"name": "Fan-out",
                 "trigger": {"type": "signal", "signal": {"type": "GiftReceived"}, "dedupAttribute": "giftId"},
                 "entry": {"reenterAfterExit": false, "maxEnrolments": null},
                 "goal": {"signal": {"type": "GiftReceived"}, "window": "P30D", "exitOnGoal": false},
                 "start": "wait",
                 "steps": [
                   {"id": "wait", "type": "wait", "duration": "P1D", "next": "thank"},
                   {"id": "thank", "type": "send", "channel": "sms", "templateId": "fan-out-sms", "next": "done"},
                   {"id": "done", "type": "exit"}
                 ]}""");
    }

    private static void seed(DynamoDbContactStore contacts, DynamoDbEnrolmentStore enrolments, int count,
                             Instant due, Instant now) throws Exception {
        ContactJson json = new ContactJson(java.time.Clock.systemUTC());
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // With a recorded yes to SMS, so that send-sms sends the step's message rather than refusing it.
            batch.add(json.read(String.format("{\"id\":\"B-%07d\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"firstName\":\"Ola\",\"phone\":\"+4791%06d\"," + SmsBenchmark.SMS_CONSENT + "}", i,
                    i % 1_000_000)).contact());
            if (batch.size() == 2000 || i == count - 1) {
                contacts.upsertAll(TENANT, batch);
                batch = new ArrayList<>();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> writes = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int first = t;
            writes.add(pool.submit(() -> {
                for (int i = first; i < count; i += 16) {
                    String contactId = String.format("B-%07d", i);
                    Enrolment enrolment = new Enrolment(TENANT, EnrolmentIds.of(TENANT, JOURNEY, 1, contactId), JOURNEY, 1,
                            contactId, EnrolmentState.WAITING, "wait", due, now, now.plus(Duration.ofDays(30)), null,
                            Map.of(), Map.of("wait", 1), List.of(), null, 1);
                    enrolments.create(enrolment, List.of());
                }
                return null;
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
    }

    private static long total(EnrolmentStore enrolments, ResultCounter counter) {
        return enrolments.results(TENANT, JOURNEY).stream().filter(r -> r.key().counter() == counter)
                .mapToLong(EnrolmentStore.ResultCount::count).sum();
    }
}
