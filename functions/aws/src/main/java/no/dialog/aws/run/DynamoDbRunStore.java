package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.dynamodb.KeyShards;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.privacy.RetentionPeriods;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunIds;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunRef;
import no.dialog.core.run.RunStatus;
import no.dialog.core.run.RunStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link RunStore} in template.yaml's {@code RunFilesTable} (pk S, sk S):
 * <ul>
 *   <li>a run: {@code pk = <tenant>#<channel>#<runId>}, {@code sk = run}: status, journey, step, lastItemAt
 *       (epoch ms), while closing when its closer took it ({@code closingAt}, epoch ms), and once closed its files,
 *       people and closedAt. While open or closing it carries {@code openRuns = open}, which puts it in the sparse
 *       index {@code openRuns} (range {@code lastItemAt}) that the closer queries; every run carries
 *       {@code journeyKey = <tenant>#<journeyId>} for the index {@code journeyRuns} that the admin API lists.</li>
 *   <li>its items: in {@link #ITEM_SHARDS} partitions {@code <run pk>#00} to {@code #15} (picked by the person's
 *       enrolment, the start of the item's key), {@code sk = item#<idempotency key>}, the staged fields as a map,
 *       and {@code contactKey = <tenant>#<contactId>} for the keys-only index {@code byContact}, through which
 *       an erasure finds a person's items ({@link RunFileErasure}).</li>
 * </ul>
 * Everything expires ({@code expiresAt}, TTL) after the organisation's {@link RetentionKind#RUN_STAGING}
 * period (90 days unless it chose shorter); the files in S3 follow the exports bucket's lifecycle.
 *
 * <p>A letter campaign stages thousands of items a second into one run, so neither the run nor the index of open
 * runs may take a write per item (ADR 0035). Items are spread over the shards. The run item is touched (status
 * still open, {@code lastItemAt} moved on) once per {@link #TOUCH_LEASE} per function instance, not per item: a
 * touch sets {@code lastItemAt} to the end of that lease, and the instance stages into the run without touching
 * until the lease ends. The closer takes a run only when {@code lastItemAt} lies {@code quiet} (minutes) in the past,
 * so after every lease has ended, and only if {@code lastItemAt} is still what it read: an item is never staged into
 * a run being closed, as when every item touched the run. {@code lastItemAt} is therefore the last item's time, or
 * up to {@link #TOUCH_LEASE} after it.
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbRunStore implements RunStore {

    public static final String OPEN_RUNS_INDEX = "openRuns";
    public static final String JOURNEY_RUNS_INDEX = "journeyRuns";
    public static final String BY_CONTACT_INDEX = "byContact";
    static final String CONTACT_KEY = "contactKey";
    private static final int MAX_RUNS_A_DAY = 50;
    public static final int ITEM_SHARDS = 16;
    /** How long an instance stages into a run after touching it; far shorter than the closer's quiet period. */
    static final Duration TOUCH_LEASE = Duration.ofSeconds(10);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RetentionPeriods retention;
    /** Per journey step, channel and day: the run this instance touched last, and until when it stages into it. */
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    private record Lease(RunRef run, Instant until) {}

    @Inject
    public DynamoDbRunStore(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table,
            @Nullable RetentionPeriods retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retention = retention == null ? RetentionPeriods.DEFAULTS : retention;
    }

    /** With Dialog's default retention, for tools and tests. */
    public DynamoDbRunStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, null);
    }

    @Override
    public RunRef stage(RunItem item, Instant at) {
        String slot = String.join("\n", item.tenant().value(), item.channel().jsonName(), item.journeyId(),
                Integer.toString(item.version()), item.stepId(), item.day().toString());
        Lease lease = leases.get(slot);
        if (lease != null && at.isBefore(lease.until())) {
            putItem(lease.run(), item, at);
            return lease.run();
        }
        for (int sequence = 1; sequence <= MAX_RUNS_A_DAY; sequence++) {
            RunRef run = new RunRef(item.tenant(), item.channel(),
                    RunIds.of(item.journeyId(), item.version(), item.stepId(), item.day(), sequence));
            Instant until = at.plus(TOUCH_LEASE);
            if (touchOpenRun(run, item, until)) {
                leases.put(slot, new Lease(run, until));
                putItem(run, item, at);
                return run;
            }
        }
        throw new IllegalStateException("more than " + MAX_RUNS_A_DAY + " runs of one step in a day");
    }

    /** Keeps the run open (if it is) until {@code until}: its {@code lastItemAt}. */
    private boolean touchOpenRun(RunRef run, RunItem item, Instant until) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s(RunStatus.OPEN.name()));
        values.put(":at", n(until.toEpochMilli()));
        values.put(":marker", s("open"));
        values.put(":tenant", s(run.tenant().value()));
        values.put(":channel", s(run.channel().jsonName()));
        values.put(":runId", s(run.runId()));
        values.put(":journeyId", s(item.journeyId()));
        values.put(":version", n(item.version()));
        values.put(":stepId", s(item.stepId()));
        values.put(":journeyKey", s(run.tenant().value() + "#" + item.journeyId()));
        values.put(":expires", n(until.plus(kept(run.tenant())).getEpochSecond()));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(run, "run"))
                    .updateExpression("SET #status = if_not_exists(#status, :open), lastItemAt = :at, openRuns = :marker,"
                            + " tenant = :tenant, channel = :channel, runId = :runId, journeyId = :journeyId,"
                            + " version = :version, stepId = :stepId, journeyKey = :journeyKey,"
                            + " expiresAt = if_not_exists(expiresAt, :expires)")
                    .conditionExpression("attribute_not_exists(pk) OR #status = :open")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void putItem(RunRef run, RunItem item, Instant at) {
        Map<String, AttributeValue> fields = new HashMap<>();
        item.fields().forEach((name, value) -> fields.put(name, s(value)));
        Map<String, AttributeValue> record = new HashMap<>(Map.of("pk", s(itemPk(run, item.key())),
                "sk", s("item#" + item.key())));
        record.put("key", s(item.key()));
        record.put("contactId", s(item.contactId()));
        // The person's staged items, for erasure (RunFileErasure): the keys-only index byContact.
        record.put(CONTACT_KEY, s(contactKey(item.tenant(), item.contactId())));
        record.put("day", s(item.day().toString()));
        record.put("journeyId", s(item.journeyId()));
        record.put("version", n(item.version()));
        record.put("stepId", s(item.stepId()));
        record.put("fields", AttributeValue.fromM(fields));
        record.put("stagedAt", n(at.toEpochMilli()));
        record.put("expiresAt", n(at.plus(kept(run.tenant())).getEpochSecond()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(record).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // Staged before (a redelivered send): the first one stays.
        }
    }

    private Duration kept(TenantId tenant) {
        return retention.period(tenant, RetentionKind.RUN_STAGING);
    }

    @Override
    public List<Run> quietRuns(Instant quietSince) {
        List<Run> runs = new ArrayList<>();
        query(QueryRequest.builder().tableName(table).indexName(OPEN_RUNS_INDEX)
                .keyConditionExpression("openRuns = :marker AND lastItemAt < :since")
                .expressionAttributeValues(Map.of(":marker", s("open"), ":since", n(quietSince.toEpochMilli())))
                .build(), item -> runs.add(run(item)));
        return runs;
    }

    @Override
    public boolean startClosing(RunRef run, Instant lastItemAt, Instant now, Instant staleBefore) {
        try {
            // closingAt is absent on runs left closing before closers held a lease: those are stale.
            dynamoDb.updateItem(b -> b.tableName(table).key(key(run, "run"))
                    .updateExpression("SET #status = :closing, closingAt = :now")
                    .conditionExpression("(#status = :open AND lastItemAt = :seen)"
                            + " OR (#status = :closing AND (attribute_not_exists(closingAt) OR closingAt < :stale))")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":closing", s(RunStatus.CLOSING.name()),
                            ":open", s(RunStatus.OPEN.name()), ":seen", n(lastItemAt.toEpochMilli()),
                            ":now", n(now.toEpochMilli()), ":stale", n(staleBefore.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseClosing(RunRef run, Instant closingAt) {
        try {
            // Without closingAt the run counts as stale (see startClosing): the next tick takes it.
            dynamoDb.updateItem(b -> b.tableName(table).key(key(run, "run"))
                    .updateExpression("REMOVE closingAt")
                    .conditionExpression("#status = :closing AND closingAt = :at")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":closing", s(RunStatus.CLOSING.name()),
                            ":at", n(closingAt.toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // Another closer holds it now, or it is closed: nothing to give back.
        }
    }

    @Override
    public List<RunItem> items(RunRef run) {
        List<RunItem> items = new ArrayList<>();
        for (String pk : itemPartitions(pk(run))) {
            query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :item)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":item", s("item#"))).build(), item -> {
                Map<String, String> fields = new HashMap<>();
                item.get("fields").m().forEach((name, value) -> fields.put(name, value.s()));
                items.add(new RunItem(run.tenant(), run.channel(), item.get("journeyId").s(),
                        Integer.parseInt(item.get("version").n()), item.get("stepId").s(),
                        java.time.LocalDate.parse(item.get("day").s()), item.get("key").s(), item.get("contactId").s(),
                        fields));
            });
        }
        // In key order, as the one partition of a run gave them before its items were spread.
        items.sort(Comparator.comparing(RunItem::key));
        return items;
    }

    @Override
    public void markClosed(RunRef run, List<RunFile> files, int people, int excluded, Instant at) {
        List<AttributeValue> list = new ArrayList<>();
        for (RunFile file : files) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("name", s(file.name()));
            m.put("key", s(file.key()));
            m.put("contentType", s(file.contentType()));
            if (file.link() != null) {
                m.put("link", s(file.link()));
                m.put("linkExpiresAt", s(file.linkExpiresAt().toString()));
            }
            list.add(AttributeValue.fromM(m));
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(run, "run"))
                    .updateExpression("SET #status = :closed, files = :files, people = :people, excluded = :excluded,"
                            + " closedAt = :at REMOVE openRuns")
                    .conditionExpression("#status <> :closed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":closed", s(RunStatus.CLOSED.name()),
                            ":files", AttributeValue.fromL(list), ":people", n(people), ":excluded", n(excluded),
                            ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // Closed already: the first close's record stands.
        }
    }

    @Override
    public List<Run> runsOfJourney(TenantId tenant, String journeyId) {
        List<Run> runs = new ArrayList<>();
        query(QueryRequest.builder().tableName(table).indexName(JOURNEY_RUNS_INDEX)
                .keyConditionExpression("journeyKey = :journey")
                .expressionAttributeValues(Map.of(":journey", s(tenant.value() + "#" + journeyId))).build(),
                item -> runs.add(run(item)));
        // Newest day first, then the later run of the day, then by step.
        runs.sort(Comparator.comparing((Run r) -> day(r.ref().runId())).reversed()
                .thenComparing(r -> r.ref().runId()));
        return runs;
    }

    private static String day(String runId) {
        String[] parts = runId.split("\\.");
        return parts[parts.length - 2] + "." + String.format("%04d", Integer.parseInt(parts[parts.length - 1]));
    }

    private void query(QueryRequest first, java.util.function.Consumer<Map<String, AttributeValue>> each) {
        QueryRequest request = first;
        while (true) {
            QueryResponse response = dynamoDb.query(request);
            response.items().forEach(each);
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return;
            }
            request = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }

    private static Run run(Map<String, AttributeValue> item) {
        RunRef ref = new RunRef(TenantId.of(item.get("tenant").s()),
                SendChannel.fromJsonName(item.get("channel").s()).orElseThrow(), item.get("runId").s());
        List<RunFile> files = new ArrayList<>();
        if (item.containsKey("files")) {
            for (AttributeValue value : item.get("files").l()) {
                Map<String, AttributeValue> m = value.m();
                files.add(new RunFile(m.get("name").s(), m.get("key").s(), m.get("contentType").s(),
                        m.containsKey("link") ? m.get("link").s() : null,
                        m.containsKey("linkExpiresAt") ? Instant.parse(m.get("linkExpiresAt").s()) : null));
            }
        }
        return new Run(ref, item.get("journeyId").s(), Integer.parseInt(item.get("version").n()),
                item.get("stepId").s(), RunStatus.valueOf(item.get("status").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("lastItemAt").n())),
                item.containsKey("closedAt") ? Instant.parse(item.get("closedAt").s()) : null,
                item.containsKey("people") ? Integer.parseInt(item.get("people").n()) : 0,
                item.containsKey("excluded") ? Integer.parseInt(item.get("excluded").n()) : 0, files);
    }

    static String contactKey(TenantId tenant, String contactId) {
        return tenant.value() + "#" + contactId;
    }

    private static Map<String, AttributeValue> key(RunRef run, String sk) {
        return Map.of("pk", s(pk(run)), "sk", s(sk));
    }

    static String pk(RunRef run) {
        return run.tenant().value() + "#" + run.channel().jsonName() + "#" + run.runId();
    }

    /**
     * The partition of an item of the run: picked by the key's first two parts ({@code <tenant>:<enrolmentId>:}),
     * so a person's items in a run share one, which their export reads ({@link DynamoDbRunStagings}).
     */
    static String itemPk(RunRef run, String itemKey) {
        return itemPk(pk(run), itemKey);
    }

    static String itemPk(String runPk, String itemKey) {
        int tenantEnd = itemKey.indexOf(':');
        int enrolmentEnd = tenantEnd < 0 ? -1 : itemKey.indexOf(':', tenantEnd + 1);
        String person = enrolmentEnd < 0 ? itemKey : itemKey.substring(0, enrolmentEnd + 1);
        return KeyShards.key(runPk, KeyShards.of(person, ITEM_SHARDS), ITEM_SHARDS);
    }

    /** Every item partition of a run (pk {@link #pk}). */
    public static List<String> itemPartitions(String runPk) {
        List<String> partitions = new ArrayList<>(ITEM_SHARDS);
        for (int shard = 0; shard < ITEM_SHARDS; shard++) {
            partitions.add(KeyShards.key(runPk, shard, ITEM_SHARDS));
        }
        return partitions;
    }

    /** The run's pk from one of its item partitions. */
    static String runPkOfItems(String itemPk) {
        return itemPk.substring(0, itemPk.lastIndexOf('#'));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
