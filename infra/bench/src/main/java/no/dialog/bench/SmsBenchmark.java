package no.dialog.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbSendLedger;
import no.dialog.aws.dynamodb.DynamoDbTemplateStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.bench.usage.AwsUsage;
import no.dialog.bench.usage.Measurement;
import no.dialog.bench.usage.UnitCost;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.sandbox.LinkSandbox;
import no.dialog.local.template.TemplateFiles;
import no.dialog.providers.link.LinkSettings;
import no.dialog.providers.link.LinkSmsGateway;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SMS at scale through the local stack (ADR 0012): N send requests put on the send-sms queue as the
 * journey step puts them (SendMessageBatch, 10 a call), the send-sms function (batches of 100 from the
 * event source, {@code OnceSender.sendAll}, one LINK {@code /sms/sendbatch} a batch) and the LINK sandbox.
 *
 * <p>Printed: messages per second, as a share of the emulator floor (the run's DynamoDB and SQS calls alone) and
 * of the LINK sandbox alone (driven from a plain loop with the same batching and concurrency); per message the
 * functions' own CPU, AWS requests by service and operation (the journey step's and Lambda's SQS poller's included),
 * DynamoDB capacity units, the hottest partition keys and the projected AWS cost ({@link UnitCost}); and the same run
 * with 10% of the requests put on the queue twice (distinct refIds at the sandbox against messages accepted: second
 * sends must be zero).
 *
 * <p>{@code infra/bench/run sms [messages=100000]}.
 */
public final class SmsBenchmark {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final int BATCH = 100;
    /**
     * The threads the floor issues the run's calls from: the pipeline's streams of calls at once (two send-sms
     * batches, each making its calls one after the other, and the journey step's two threads putting requests on
     * the queue).
     */
    static final int FLOOR_THREADS = 4;
    /** The widest window the {@link QuietHours#SETTING} setting allows. */
    static final String ALL_DAY = "00:00-23:59";
    /** The contact format's consent to SMS (docs/contact-format.md), for contacts the benchmarks send SMS to. */
    static final String SMS_CONSENT = "\"consents\":{\"sms\":{\"granted\":true,\"source\":\"web\","
            + "\"at\":\"2026-10-01T12:00:00Z\"}}";

    /** How long a pipeline run waits for its messages at most. */
    static final Duration PATIENCE = Duration.ofMinutes(40);

    private final LocalStack stack;
    private final int concurrency;
    private final Duration patience;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private long deadLettered;

    private SmsBenchmark(LocalStack stack, int concurrency, Duration patience) {
        this.stack = stack;
        this.concurrency = concurrency;
        this.patience = patience;
        stack.outbox().addListener(message -> {
            Run run = current.get();
            if (run != null && TENANT.value().equals(message.tenant())) {
                run.accepted.incrementAndGet();
                run.refIds.add(message.idempotencyKey());
                run.lastAcceptedAt.set(System.nanoTime());
            }
        });
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        run(count, PATIENCE);
    }

    /**
     * What one pipeline run delivered, counted at the LINK sandbox.
     *
     * @param messages            distinct send requests (idempotency keys)
     * @param duplicateDeliveries requests put on the queue a second time
     * @param accepted            messages the sandbox accepted
     * @param distinct            distinct refIds among them
     * @param refused             requests not at the sandbox that the send ledger settled as failed or not sendable
     * @param refusedReasons      the ledger's reasons for those, with how many each
     * @param deadLettered        messages that went to the send-sms DLQ during the run
     * @param lost                requests neither at the sandbox nor refused
     */
    public record Delivery(String label, int messages, int duplicateDeliveries, long accepted, long distinct,
            long refused, Map<String, Long> refusedReasons, long deadLettered, long lost, double seconds) {

        /** Messages the sandbox got more than once. */
        public long secondSends() {
            return accepted - distinct;
        }

        /** Every request at the sandbox, once; nothing refused or dead-lettered. */
        public boolean ok() {
            return distinct == messages && secondSends() == 0 && refused == 0 && deadLettered == 0 && lost == 0;
        }
    }

    /**
     * The figures of a run: the baseline and ledger-alone rates, and each pipeline run (the warm-up, then the
     * measured one, then the one with duplicate deliveries).
     */
    public record Result(double baselineMessagesPerSecond, double ledgerAloneMessagesPerSecond,
            double floorMessagesPerSecond, UnitCost cost, List<Delivery> runs) {

        public boolean ok() {
            return runs.stream().allMatch(Delivery::ok);
        }
    }

    /**
     * Runs the benchmark with {@code count} messages and prints its figures; never exits.
     *
     * @param patience how long each pipeline run waits for its messages to reach the sandbox at most
     */
    public static Result run(int count, Duration patience) throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        LocalStackOptions options = new LocalStackOptions(0, null, false, template, 0, 0, 0, 0, 4);
        // No delivery reports from the LINK sandbox: the benchmark measures the send path alone.
        try (TemporaryProperties noReports = TemporaryProperties.set("dialog.local.link.deliveryReports", "false");
             LocalStack stack = LocalStack.start(options)) {
            // The event source's MaximumConcurrency: the template's default for SendSmsMaxConcurrency.
            int pollers = 2;
            SmsBenchmark bench = new SmsBenchmark(stack, pollers, patience);
            bench.seed(count);
            Run warmUp = bench.pipeline("warm-up", "W", Math.min(count, 5_000), 0);
            double baseline = bench.baseline(count);
            double ledgerOnly = bench.ledgerAlone(Math.min(count, 5_000));
            Run plain = bench.pipeline("pipeline", "P", count, 0);
            Run duplicated = bench.pipeline("pipeline, 10% duplicate deliveries", "D", count, 0.10);
            // The floor: the measured run's DynamoDB and SQS calls alone, as many at once as the pipeline makes.
            double floor = Measurement.floorUnitsPerSecond(stack, plain.cost, FLOOR_THREADS);

            System.out.printf("%nSMS benchmark (local stack, %d cores, event source batch %d, %d concurrent batches)%n",
                    Runtime.getRuntime().availableProcessors(), BATCH, pollers);
            System.out.printf("  baseline: LINK sandbox alone, plain loop    %,.0f messages/s%n", baseline);
            System.out.printf("  the send ledger alone (DynamoDB Local): intents, then outcomes, batches of 100  %,.0f messages/s%n",
                    ledgerOnly);
            plain.print(baseline, floor);
            duplicated.print(baseline, Double.NaN);
            return new Result(baseline, ledgerOnly, floor, plain.cost,
                    List.of(warmUp.delivery(), plain.delivery(), duplicated.delivery()));
        }
    }

    private void seed(int count) {
        var dynamoDb = stack.emulators().dynamoDb();
        // Messages may go at any hour (but the minute before midnight): the run must not wait for the default
        // quiet hours (08:00-21:00 Oslo time) whenever it is started.
        new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(TENANT, "Benchmark", stack.clock().instant(),
                        Map.of(QuietHours.SETTING, ALL_DAY)));
        new DynamoDbTemplateStore(dynamoDb, stack.resources().requireTableName("DefinitionsTable")).save(TENANT,
                new MessageTemplate("bench-sms", SendChannel.SMS, "nb", null,
                        "Hei {{ firstName }}! Takk for at du er med."));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb,
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 8);
        ContactJson json = new ContactJson(java.time.Clock.systemUTC());
        long start = System.nanoTime();
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // With a recorded yes to SMS: without one (and without a membership or gifts) the send rules refuse.
            batch.add(json.read(String.format("{\"id\":\"B-%07d\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"firstName\":\"Ola\",\"phone\":\"+4791%06d\"," + SMS_CONSENT + "}", i, i % 1_000_000)).contact());
            if (batch.size() == 2000 || i == count - 1) {
                contacts.upsertAll(TENANT, batch);
                batch = new ArrayList<>();
            }
        }
        contacts.close();
        System.out.printf("seeded %,d contacts in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    /** The LINK sandbox alone: the same batches of 100 from as many threads as the event source runs batches. */
    private double baseline(int count) throws Exception {
        Map<String, String> link = LinkSandbox.templateParameters(stack.baseUri());
        SmsGateway gateway = new LinkSmsGateway(LinkSettings.of(link.get("LinkBaseUrl"), link.get("LinkUsername"),
                no.dialog.local.sandbox.LinkSandbox.PASSWORD, link.get("LinkPlatformId"), link.get("LinkPlatformPartnerId"),
                link.get("LinkGate")));
        Run run = new Run("baseline", count, 0);
        current.set(run);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int first = t;
            done.add(threads.submit(() -> {
                for (int from = first * BATCH; from < count; from += concurrency * BATCH) {
                    List<SmsMessage> messages = new ArrayList<>();
                    for (int i = from; i < Math.min(count, from + BATCH); i++) {
                        messages.add(new SmsMessage("Benchmark", String.format("+4791%06d", i % 1_000_000),
                                "Hei Ola! Takk for at du er med.", "bench:BASE-" + i + ":sms:1"));
                    }
                    gateway.sendBatch(messages);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        current.set(null);
        return run.refIds.size() / seconds;
    }

    /**
     * What the ledger's two writes per message cost on their own, as send-sms makes them: per batch of 100, the
     * intents in one {@code writeAll} (PartiQL BatchExecuteStatement, 25 a call), then the outcomes in another, with
     * as many batches at once as the event source runs: the ceiling DynamoDB Local puts on the pipeline.
     */
    private double ledgerAlone(int count) throws Exception {
        no.dialog.aws.dynamodb.DynamoDbSendLedger ledger = new no.dialog.aws.dynamodb.DynamoDbSendLedger(
                stack.emulators().dynamoDb(), stack.resources().requireTableName("SendLedgerTable"), stack.clock());
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        Instant now = stack.clock().instant();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            int first = from;
            done.add(threads.submit(() -> {
                List<no.dialog.core.send.LedgerWrite> intents = new ArrayList<>();
                List<no.dialog.core.send.LedgerWrite> outcomes = new ArrayList<>();
                for (int i = first; i < Math.min(count, first + BATCH); i++) {
                    String key = "bench:LEDGER-" + i + ":sms:1";
                    intents.add(new no.dialog.core.send.LedgerWrite.Intent(key, TENANT, SendChannel.SMS, "B-0000000",
                            null, now));
                    outcomes.add(new no.dialog.core.send.LedgerWrite.Sent(key, "m", 1));
                }
                ledger.writeAll(intents);
                ledger.writeAll(outcomes);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return count / seconds;
    }

    /** N requests (plus duplicates) on the send-sms queue, until the sandbox has them all and the queue is empty. */
    private Run pipeline(String label, String prefix, int count, double duplicates) throws Exception {
        Instant now = stack.clock().instant();
        List<SendRequest> requests = new ArrayList<>();
        List<SendRequest> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SendRequest request = new SendRequest(TENANT.value(), "bench:" + prefix + "-" + i + ":sms:1",
                    String.format("B-%07d", i), prefix + "-" + i, "bench", 1, "sms", "sms", null, "bench-sms", "A", now);
            requests.add(request);
            if (duplicates > 0 && i % Math.round(1 / duplicates) == 0) {
                copies.add(request);
            }
            // Each copy goes on the queue some 500 requests after its original: sometimes in the same batch,
            // mostly in a later one, possibly while the original is still being sent.
            if (i % 500 == 499) {
                requests.addAll(copies);
                copies.clear();
            }
        }
        requests.addAll(copies);
        int enqueued = requests.size();

        Run run = new Run(label, count, enqueued - count);
        Measurement measurement = Measurement.start(stack, "send-sms", "journeys");
        current.set(run);
        String queueUrl = stack.resources().requireQueueUrl("SendSmsQueue");
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(stack.emulators().sqsEndpoint().toString()))
                .region(Region.EU_NORTH_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
                .build();
        SqsSendQueues queues = SqsSendQueues.smsOnly(sqs, queueUrl);
        long start = System.nanoTime();
        run.startedAt = start;
        // The journey step: requests go on the queue in chunks, as the journeys function advances enrolments.
        // Named as the journeys function's work: in AWS, it puts the requests on the queue.
        ExecutorService journeyStep = Executors.newFixedThreadPool(2,
                r -> new Thread(r, AwsUsage.FUNCTION_THREAD + "journeys:step"));
        List<Future<?>> puts = new ArrayList<>();
        for (int from = 0; from < enqueued; from += 1_000) {
            List<SendRequest> chunk = requests.subList(from, Math.min(enqueued, from + 1_000));
            puts.add(journeyStep.submit(() -> queues.enqueue(chunk)));
        }
        for (Future<?> put : puts) {
            put.get();
        }
        journeyStep.shutdown();
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline && !(run.refIds.size() >= count && drained(sqs, queueUrl))) {
            Thread.sleep(250);
        }
        run.cost = measurement.stop("messages", count, run.lastAcceptedAt.get());
        current.set(null);
        settle(run, prefix, sqs);
        sqs.close();
        System.out.printf("%s: %,d of %,d distinct messages at the sandbox in %.1f s%n", label, run.refIds.size(),
                count, run.seconds());
        return run;
    }

    /**
     * After the run (not timed): where the requests that did not reach the sandbox are, if any (refused, as the
     * send ledger says, or lost), and how many messages the run sent to the DLQ.
     */
    private void settle(Run run, String prefix, SqsClient sqs) {
        DynamoDbSendLedger ledger = null;
        for (int i = 0; i < run.messages; i++) {
            String key = "bench:" + prefix + "-" + i + ":sms:1";
            if (run.refIds.contains(key)) {
                continue;
            }
            if (ledger == null) {
                ledger = new DynamoDbSendLedger(stack.emulators().dynamoDb(),
                        stack.resources().requireTableName("SendLedgerTable"), stack.clock());
            }
            LedgerEntry entry = ledger.find(key).orElse(null);
            SendState state = entry == null ? null : entry.state();
            if (state == SendState.FAILED || state == SendState.NOT_SENDABLE) {
                run.refused++;
                run.refusedReasons.merge(state + ": " + entry.reason(), 1L, Long::sum);
            } else {
                run.lost++;
            }
        }
        long total = Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(
                stack.resources().requireQueueUrl("SendSmsDLQ")).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        run.deadLettered = total - deadLettered;
        deadLettered = total;
    }

    private static boolean drained(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    /** One measured run. */
    private static final class Run {
        final String label;
        final int messages;
        final int duplicates;
        final AtomicLong accepted = new AtomicLong();
        final Set<String> refIds = ConcurrentHashMap.newKeySet();
        final AtomicLong lastAcceptedAt = new AtomicLong();
        long startedAt;
        UnitCost cost;
        long refused;
        final Map<String, Long> refusedReasons = new TreeMap<>();
        long lost;
        long deadLettered;

        Run(String label, int messages, int duplicates) {
            this.label = label;
            this.messages = messages;
            this.duplicates = duplicates;
        }

        double seconds() {
            return (lastAcceptedAt.get() - startedAt) / 1e9;
        }

        Delivery delivery() {
            return new Delivery(label, messages, duplicates, accepted.get(), refIds.size(), refused,
                    Map.copyOf(refusedReasons), deadLettered, lost, seconds());
        }

        void print(double baseline, double floor) {
            double rate = refIds.size() / seconds();
            System.out.printf("%n  %s%n", label);
            System.out.printf("    messages / put on the queue             %,d / %,d (%,d duplicate deliveries)%n",
                    messages, messages + duplicates, duplicates);
            System.out.printf("    accepted by the sandbox / distinct refIds %,d / %,d → second sends: %,d%n",
                    accepted.get(), refIds.size(), accepted.get() - refIds.size());
            System.out.printf("    against the LINK sandbox alone          %.2f of the baseline%n", rate / baseline);
            cost.print(System.out, floor);
        }
    }
}
