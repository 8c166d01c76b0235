package no.dialog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTemplateStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.bench.usage.AwsUsage;
import no.dialog.bench.usage.Measurement;
import no.dialog.bench.usage.UnitCost;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunIds;
import no.dialog.core.run.RunStatus;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Letters through the local stack: N letter send requests on the send-letter queue (as a journey's letter step puts
 * them), the send-letter function staging each person in the day's run, and close-runs writing one PDF per person
 * and the manifest into the 21Grams drop in the exports bucket. Printed: letters per second from the first request to
 * the manifest, and per letter the functions' own CPU, AWS requests, DynamoDB capacity, S3 bytes, the hottest keys
 * and the projected AWS cost ({@link UnitCost}), with the emulator floor.
 *
 * <p>{@code infra/bench/run letters [letters=2000]}.
 */
public final class LetterBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final String JOURNEY = "renewal";
    /** The threads the floor issues the run's calls from. */
    static final int FLOOR_THREADS = 4;

    private LetterBenchmark() {}

    /**
     * What one run delivered to the drop.
     *
     * @param pdfs      letters in the drop (one PDF per person)
     * @param manifest  whether the manifest is there
     * @param people    the people the closed run says it holds
     */
    public record Result(int letters, long pdfs, boolean manifest, int people, double seconds,
            double floorLettersPerSecond, UnitCost cost) {

        /** Every letter in the drop once, and the manifest. */
        public boolean ok() {
            return pdfs == letters && manifest && people == letters;
        }
    }

    public static void main(String[] args) throws Exception {
        int letters = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        if (!run(letters, Duration.ofMinutes(30)).ok()) {
            System.exit(1);
        }
    }

    /** Runs the benchmark and prints its figures; never exits. */
    public static Result run(int letters, Duration patience) throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        LocalStackOptions options = new LocalStackOptions(0, null, false, template, 0, 0, 0, 0, 4);
        try (LocalStack stack = LocalStack.start(options)) {
            var dynamoDb = stack.emulators().dynamoDb();
            new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                    .createIfAbsent(new Tenant(TENANT, "Brevforeningen", stack.clock().instant(), Map.of(
                            "letter.giroAccount", "12345678903", "letter.senderAddress", "Postboks 7|0101 Oslo")));
            new DynamoDbTemplateStore(dynamoDb, stack.resources().requireTableName("DefinitionsTable")).save(TENANT,
                    new MessageTemplate("bench-letter", SendChannel.LETTER, "nb", null,
                            "Kjære {{ firstName }}!\n\nTakk for at du er medlem. Bruk KID {{ kid }}."));
            seed(stack, letters);

            Instant now = stack.clock().instant();
            LocalDate day = LocalDate.ofInstant(now, ZoneId.of("Europe/Oslo"));
            String runId = RunIds.of(JOURNEY, 1, "letter", day, 1);
            List<SendRequest> requests = new ArrayList<>();
            for (int i = 0; i < letters; i++) {
                requests.add(new SendRequest(TENANT.value(), "bench:L-" + i + ":letter:1", String.format("L-%07d", i),
                        "L-" + i, JOURNEY, 1, "letter", "letter", null, "bench-letter", "A", now));
            }
            DynamoDbRunStore runs = new DynamoDbRunStore(dynamoDb, stack.resources().requireTableName("RunFilesTable"));
            String exports = stack.resources().ref("ExportsBucket").orElseThrow();
            String drop = "drops/" + TENANT.value() + "/21grams/" + runId + "/";

            Measurement measurement = Measurement.start(stack, "send-letter", "close-runs");
            long start = System.nanoTime();
            // The journey step's work: in AWS the journeys function puts the requests on the queue.
            SqsSendQueues queues = new SqsSendQueues(stack.emulators().sqs(), "", "", "", "",
                    stack.resources().requireQueueUrl("SendLetterQueue"), "", "");
            Thread step = new Thread(() -> {
                for (int from = 0; from < requests.size(); from += 1_000) {
                    queues.enqueue(requests.subList(from, Math.min(requests.size(), from + 1_000)));
                }
            }, AwsUsage.FUNCTION_THREAD + "journeys:step");
            step.start();
            step.join();
            long deadline = start + patience.toNanos();
            // Staged: send-letter has taken every request off its queue.
            String queueUrl = stack.resources().requireQueueUrl("SendLetterQueue");
            while (System.nanoTime() < deadline && !drained(stack, queueUrl)) {
                Thread.sleep(250);
            }
            // Quiet for 3 minutes, then the 5-minute close-runs schedule takes it.
            stack.clock().advance(Duration.ofMinutes(6));
            while (System.nanoTime() < deadline && !objects(stack, exports, drop).contains(drop + "manifest.csv")) {
                Thread.sleep(250);
            }
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            UnitCost cost = measurement.stop("letters", letters, end);
            double floor = Measurement.floorUnitsPerSecond(stack, cost, FLOOR_THREADS);

            List<String> files = objects(stack, exports, drop);
            long pdfs = files.stream().filter(key -> key.endsWith(".pdf")).count();
            boolean manifest = files.contains(drop + "manifest.csv");
            Run closed = runs.runsOfJourney(TENANT, JOURNEY).stream().filter(r -> r.status() == RunStatus.CLOSED)
                    .findFirst().orElse(null);
            int people = closed == null ? 0 : closed.people();

            System.out.printf("%nletter benchmark (local stack, %d cores): send-letter stages, close-runs writes the drop%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  letters requested / PDFs in the drop  %,d / %,d (manifest: %s, run holds %,d people)%n",
                    letters, pdfs, manifest ? "yes" : "NO", people);
            System.out.printf("  time, first request → manifest       %.1f s (the local clock moved 6 minutes for the quiet period)%n",
                    seconds);
            cost.print(System.out, floor);
            Result result = new Result(letters, pdfs, manifest, people, seconds, floor, cost);
            if (!result.ok()) {
                System.out.println("  WARNING: not every letter reached the drop once");
            }
            return result;
        }
    }

    private static void seed(LocalStack stack, int count) {
        DynamoDbContactStore contacts = new DynamoDbContactStore(stack.emulators().dynamoDb(),
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 8);
        ContactJson json = new ContactJson(java.time.Clock.systemUTC());
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(json.read(String.format("{\"id\":\"L-%07d\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"firstName\":\"Åse\",\"lastName\":\"Medlem %d\",\"address\":{\"street\":\"Storgata %d\","
                    + "\"postcode\":\"0151\",\"city\":\"Oslo\",\"country\":\"NO\"},"
                    + "\"memberships\":[{\"type\":\"ordinary\",\"status\":\"active\"}]}", i, i, i % 200 + 1))
                    .contact());
            if (batch.size() == 2000 || i == count - 1) {
                contacts.upsertAll(TENANT, batch);
                batch = new ArrayList<>();
            }
        }
        contacts.close();
    }

    private static boolean drained(LocalStack stack, String queueUrl) {
        return stack.emulators().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .allMatch("0"::equals);
    }

    private static List<String> objects(LocalStack stack, String bucket, String prefix) {
        return stack.emulators().s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }
}
