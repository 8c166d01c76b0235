package no.dialog.local.readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.emulators.ObjectCreated;
import no.dialog.emulators.ObjectCreatedListener;
import no.dialog.local.files.RunFileKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The long work the local stack can observe from outside the functions, without changing them:
 * <ul>
 *   <li><b>Contact-file imports</b>: the sync function's checkpoints in the imports table
 *       ({@code pk = import#<id>}: status, byte offset, lines, rejected rows), saved after every chunk of
 *       2,000 rows; the per cent is the offset against the file's size in the imports bucket. Finished
 *       imports stay listed for {@link #RECENT} of local-clock time.</li>
 *   <li><b>Runs</b> of letters, print files and call lists: the open and closing runs in the run-files
 *       table's sparse index {@code openRuns}, with the people staged so far (their items); while a run is
 *       closing, the files close-runs has written so far (S3 notifications of the exports bucket) against
 *       what it will write (a letter run: one PDF per person and the manifest).</li>
 *   <li><b>Segment snapshots</b>: each time a function writes a tenant's snapshot to the snapshots bucket
 *       (a rebuild by segmentation or a preview), listed for {@link #RECENT}. That a rebuild has
 *       <em>started</em> cannot be seen from outside the function, so it is not shown.</li>
 * </ul>
 * Reads are cheap (a scan of the small imports table, one index query) and cached for a second.
 */
public final class WorkInProgress implements ObjectCreatedListener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkInProgress.class);
    /** How long finished work stays listed (local-clock time). */
    public static final Duration RECENT = Duration.ofMinutes(10);
    private static final Duration CACHE = Duration.ofSeconds(1);

    private record Written(Instant at, long bytes) {}

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final String importsTable;
    private final String runFilesTable;
    private final String exportsBucket;
    private final String snapshotsBucket;
    private final Clock clock;
    private final Map<String, Long> fileSizes = new ConcurrentHashMap<>();
    private final Map<String, Integer> runFilesWritten = new ConcurrentHashMap<>();
    private final Map<String, Written> snapshots = new ConcurrentHashMap<>();
    private volatile List<Work> cached;
    private volatile long cachedAt;

    /** Any table or bucket may be null (a template without it): that kind of work is then not shown. */
    public WorkInProgress(DynamoDbClient dynamoDb, S3Client s3, String importsTable, String runFilesTable,
            String exportsBucket, String snapshotsBucket, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.importsTable = importsTable;
        this.runFilesTable = runFilesTable;
        this.exportsBucket = exportsBucket;
        this.snapshotsBucket = snapshotsBucket;
        this.clock = clock;
    }

    /** What is going on now, imports first; never throws (a failed read leaves that kind out). */
    public List<Work> now() {
        long at = System.nanoTime();
        List<Work> last = cached;
        if (last != null && at - cachedAt < CACHE.toNanos()) {
            return last;
        }
        List<Work> work = new ArrayList<>();
        try {
            work.addAll(imports());
        } catch (RuntimeException e) {
            LOG.debug("could not read the imports table", e);
        }
        try {
            work.addAll(runs());
        } catch (RuntimeException e) {
            LOG.debug("could not read the open runs", e);
        }
        work.addAll(snapshots());
        cached = List.copyOf(work);
        cachedAt = at;
        return cached;
    }

    @Override
    public void objectCreated(ObjectCreated object) {
        if (object.bucket().equals(snapshotsBucket)) {
            String[] parts = object.key().split("/");
            if (parts.length == 3 && parts[0].equals("snapshots")) {
                snapshots.put(parts[1], new Written(clock.instant(), object.size()));
            }
        } else if (object.bucket().equals(exportsBucket)) {
            RunFileKeys.parse(object.key()).ifPresent(file ->
                    runFilesWritten.merge(file.tenant() + "#" + file.channel() + "#" + file.runId(), 1, Integer::sum));
        }
    }

    private List<Work> imports() {
        if (importsTable == null) {
            return List.of();
        }
        Instant recent = clock.instant().minus(RECENT);
        List<Work> work = new ArrayList<>();
        // Without the listed row errors (up to 1,000 an import): only what the progress needs.
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(importsTable)
                .projectionExpression("pk, #bucket, #key, eTag, #status, #offset, #lines, rejected, startedAt, finishedAt, #reason")
                .expressionAttributeNames(Map.of("#bucket", "bucket", "#key", "key", "#status", "status",
                        "#offset", "offset", "#lines", "lines", "#reason", "reason"))).items()) {
            if (!s(item, "pk").startsWith("import#") || !item.containsKey("key")) {
                continue;
            }
            String status = s(item, "status").toLowerCase(Locale.ROOT);
            String finished = s(item, "finishedAt");
            if (!status.equals("running") && (finished.isEmpty() || Instant.parse(finished).isBefore(recent))) {
                continue;
            }
            String key = s(item, "key");
            String tenant = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
            long lines = n(item, "lines");
            long rejected = n(item, "rejected");
            String detail = String.format(Locale.ROOT, "%,d lines read%s", lines,
                    rejected > 0 ? String.format(Locale.ROOT, ", %,d rejected", rejected) : "");
            Integer percent = 100;
            if (status.equals("running")) {
                long size = fileSize(s(item, "bucket"), key, s(item, "eTag"));
                percent = size > 0 ? (int) Math.min(99, n(item, "offset") * 100 / size) : null;
            } else if (status.equals("rejected")) {
                detail = "rejected: " + s(item, "reason");
            }
            work.add(new Work("import", tenant, key, status, percent, detail, Instant.parse(s(item, "startedAt"))));
        }
        work.sort(Comparator.comparing(Work::at));
        return work;
    }

    private long fileSize(String bucket, String key, String eTag) {
        return fileSizes.computeIfAbsent(bucket + "/" + key + "#" + eTag, k -> {
            try {
                return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            } catch (RuntimeException e) {
                return -1L;
            }
        });
    }

    private List<Work> runs() {
        if (runFilesTable == null) {
            return List.of();
        }
        List<Work> work = new ArrayList<>();
        for (Map<String, AttributeValue> run : dynamoDb.queryPaginator(b -> b.tableName(runFilesTable).indexName("openRuns")
                .keyConditionExpression("openRuns = :open")
                .expressionAttributeValues(Map.of(":open", AttributeValue.fromS("open")))).items()) {
            String pk = s(run, "pk");
            String[] parts = pk.split("#", 3);
            if (parts.length < 3) {
                continue;
            }
            long people = 0;
            for (String items : DynamoDbRunStore.itemPartitions(pk)) {
                people += dynamoDb.queryPaginator(b -> b.tableName(runFilesTable).select(Select.COUNT)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :item)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(items),
                                ":item", AttributeValue.fromS("item#"))))
                        .stream().mapToLong(page -> page.count()).sum();
            }
            String status = s(run, "status").toLowerCase(Locale.ROOT);
            Instant lastItem = Instant.ofEpochMilli(n(run, "lastItemAt"));
            String what = parts[1] + " run " + parts[2];
            if (status.equals("closing")) {
                int written = runFilesWritten.getOrDefault(pk, 0);
                // A letter run writes one PDF per person and the manifest; print and call-list runs one or two files.
                long expected = parts[1].equals("letter") ? people + 1 : 0;
                Integer percent = expected > 0 ? (int) Math.min(99, written * 100L / expected) : null;
                String detail = expected > 0
                        ? String.format(Locale.ROOT, "close-runs is writing its files: %,d of %,d written", written, expected)
                        : String.format(Locale.ROOT, "close-runs is writing its files (%,d written so far), "
                                + "or it waits for its window", written);
                work.add(new Work("run", parts[0], what, status, percent, detail, lastItem));
            } else {
                work.add(new Work("run", parts[0], what, status, null, String.format(Locale.ROOT,
                        "%,d people staged; close-runs writes it once no send has come for a while", people), lastItem));
            }
        }
        return work;
    }

    private List<Work> snapshots() {
        Instant recent = clock.instant().minus(RECENT);
        List<Work> work = new ArrayList<>();
        snapshots.forEach((tenant, written) -> {
            if (written.at().isAfter(recent)) {
                work.add(new Work("snapshot", tenant, "segment snapshot of " + tenant, "rebuilt", 100,
                        String.format(Locale.ROOT, "written to the snapshots bucket (%,d bytes)", written.bytes()),
                        written.at()));
            }
        });
        work.sort(Comparator.comparing(Work::at));
        return work;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
