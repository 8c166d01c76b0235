package no.dialog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.bench.usage.Measurement;
import no.dialog.bench.usage.UnitCost;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.demo.DemoContacts;
import no.dialog.local.template.TemplateFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Import throughput through the local stack: one NDJSON file of generated contacts put in the imports
 * bucket, then S3 notification → SQS → the sync function → DynamoDB Local, until the import report
 * appears. Prints contacts per second and the peak heap of the whole local stack (this JVM).
 *
 * <p>{@code infra/bench/run import [contacts=100000] [--disk]}: by default the emulators keep data in
 * memory; {@code --disk} uses a data folder as the local stack's run command does.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    /** The threads the floor issues the import's calls from: as many as the import writes contacts with. */
    static final int FLOOR_THREADS = 16;

    /** How long the benchmark waits for an import's report at most. */
    static final Duration PATIENCE = Duration.ofMinutes(30);

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 100_000;
        boolean disk = java.util.Arrays.asList(args).contains("--disk");
        if (!run(contacts, disk, PATIENCE).ok()) {
            System.exit(1);
        }
    }

    /**
     * What one run saw: the figures printed, and the benchmark file's import report (its row counts), so a
     * caller can check that every contact arrived once and none was refused.
     *
     * @param status    the report's status ({@code completed}, or {@code rejected} if the file was refused)
     * @param lines     rows the import read from the file
     * @param rejected  rows the import refused
     * @param stored    contacts of the tenant in the contacts table afterwards (the warm-up's are among the file's)
     */
    public record Result(int contacts, String status, long lines, long created, long updated, long unchanged,
            long ignoredAsOlder, long rejected, long stored, double seconds, double floorContactsPerSecond,
            UnitCost cost) {

        /** Rows the report accounts for; more than the file's contacts means rows counted twice. */
        public long rowsReported() {
            return created + updated + unchanged + ignoredAsOlder + rejected;
        }

        /** Contacts of the file that are not in the table. */
        public long lost() {
            return Math.max(0, contacts - stored);
        }

        /** The benchmark's verdict (its exit code): every contact stored. */
        public boolean ok() {
            return stored >= contacts;
        }
    }

    /**
     * Runs the benchmark and prints its figures (the warning too, if contacts are missing); never exits.
     *
     * @param patience how long to wait for an import's report before giving up (an exception)
     */
    public static Result run(int contacts, boolean disk, Duration patience) throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path dataDir = disk ? Files.createTempDirectory("dialog-bench") : null;
        LocalStackOptions options = new LocalStackOptions(0, dataDir, false, template, 0, 0, 0, 0, 4);

        resetPeaks();
        try (LocalStack stack = LocalStack.start(options)) {
            TenantId tenant = TenantId.of("bench");
            new DynamoDbTenantDirectory(stack.emulators().dynamoDb(), stack.resources().requireTableName("TenantsTable"))
                    .createIfAbsent(new Tenant(tenant, "Benchmark", Instant.now()));
            // Warm-up: a small file, so the function's execution environment exists (like a warm Lambda).
            // Its contacts are the first of the benchmark file's (unchanged there); a tenth of a small file at most.
            runImport(stack, "bench/contacts/warm-up.ndjson", generate(Math.min(2_000, contacts / 10)), new long[1],
                    patience);

            byte[] file = generate(contacts);
            long[] uploaded = new long[1];
            String key = "bench/contacts/benchmark.ndjson";
            Measurement measurement = Measurement.start(stack, "sync");
            runImport(stack, key, file, uploaded, patience);
            long reported = System.nanoTime();
            double seconds = (reported - uploaded[0]) / 1e9;
            UnitCost cost = measurement.stop("contacts", contacts, reported);
            // The floor: the import's DynamoDB and SQS calls alone, from as many threads as it writes with.
            double floor = Measurement.floorUnitsPerSecond(stack, cost, FLOOR_THREADS);

            DynamoDbContactStore store = new DynamoDbContactStore(stack.emulators().dynamoDb(),
                    stack.resources().requireTableName("ContactsTable"), stack.clock(), 4);
            long stored = store.count(tenant);
            store.close();
            System.out.printf("%nimport benchmark (%s DynamoDB Local, %d cores)%n", disk ? "on-disk" : "in-memory",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  contacts in file      %,d (%,d bytes)%n", contacts, file.length);
            System.out.printf("  contacts stored       %,d%n", stored);
            System.out.printf("  time, file in S3→report %.2f s%n", seconds);
            System.out.printf("  throughput            %,.0f contacts/s (target ≥ 5,000)%n", contacts / seconds);
            System.out.printf("  peak heap, whole JVM  %,d MiB%n", peakHeapBytes() / (1024 * 1024));
            double ceiling = emulatorCeiling(stack, Math.min(contacts, 30_000));
            System.out.printf("  DynamoDB Local alone   %,.0f items/s (BatchWriteItem, same items and index, 16 threads)%n", ceiling);
            System.out.printf("  pipeline / emulator    %.2f%n", (contacts / seconds) / ceiling);
            System.out.printf("  per contact (the sync function)%n");
            cost.print(System.out, floor);
            JsonNode report = new ObjectMapper().readTree(stack.emulators().s3().getObjectAsBytes(
                    b -> b.bucket(stack.importsBucket()).key(key + ".report.json")).asByteArray());
            Result result = new Result(contacts, report.path("status").asText(), report.path("lines").asLong(),
                    report.path("created").asLong(), report.path("updated").asLong(),
                    report.path("unchanged").asLong(), report.path("ignoredAsOlder").asLong(),
                    report.path("rejected").asLong(), stored, seconds, floor, cost);
            if (!result.ok()) {
                System.out.println("  WARNING: fewer contacts stored than generated");
            }
            return result;
        }
    }

    /**
     * The peer: how fast DynamoDB Local itself takes the same items (same size, same index), written
     * with unconditional BatchWriteItem and no reading, parsing or queueing. The import cannot beat it.
     */
    private static double emulatorCeiling(LocalStack stack, int items) throws Exception {
        var dynamoDb = stack.emulators().dynamoDb();
        String table = stack.resources().requireTableName("ContactsTable");
        java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> all =
                new java.util.ArrayList<>();
        for (int n = 0; n < items; n++) {
            String id = String.format("P-%07d", n);
            String body = DemoContacts.contact(n).toString();
            all.add(java.util.Map.of(
                    "pk", av("peer#" + id), "contactId", av(id), "shard", av("peer#" + String.format("%02d", n % 16)),
                    "ord", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"),
                    "hash", av(Integer.toHexString(body.hashCode())), "body", av(body)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 25) {
            var slice = all.subList(i, Math.min(i + 25, all.size()));
            calls.add(pool.submit(() -> {
                var requests = slice.stream().map(item -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(r -> r.item(item)).build()).toList();
                var pending = java.util.Map.of(table, requests);
                while (!pending.isEmpty()) {
                    var current = pending;
                    pending = dynamoDb.batchWriteItem(b -> b.requestItems(current)).unprocessedItems();
                }
            }));
        }
        for (var call : calls) {
            call.get();
        }
        double rate = items / ((System.nanoTime() - started) / 1e9);
        pool.shutdown();
        return rate;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String s) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
    }

    private static byte[] generate(int count) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 700);
        DemoContacts.writeNdjson(count, out);
        return out.toByteArray();
    }

    /** Puts the file and waits for its report; {@code uploaded[0]} gets the time the file was in S3. */
    private static void runImport(LocalStack stack, String key, byte[] file, long[] uploaded, Duration patience)
            throws InterruptedException {
        String bucket = stack.importsBucket();
        stack.emulators().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(file));
        uploaded[0] = System.nanoTime();
        String reportKey = key + ".report.json";
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                stack.emulators().s3().headObject(b -> b.bucket(bucket).key(reportKey));
                return;
            } catch (NoSuchKeyException e) {
                Thread.sleep(50);
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the import of " + key + " did not finish within " + patience.toMinutes()
                + " minutes");
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
