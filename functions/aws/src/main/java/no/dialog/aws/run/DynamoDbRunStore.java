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
 *       (epoch ms), while closing when its closer took it ({@code closingAt}, epoch ms), and once closed its files, people and closedAt. While open or closing it carries
 *       {@code openRuns = open}, which puts it in the sparse index {@code openRuns} (range {@code lastItemAt})
 *       that the closer queries; every run carries {@code journeyKey = <tenant>#<journeyId>} for the index
 *       {@code journeyRuns} that the admin API lists.</li>
 *   <li>its items: the same pk, {@code sk = item#<idempotency key>}, the staged fields as a map, and
 *       {@code contactKey = <tenant>#<contactId>} for the keys-only index {@code byContact}, through which
 *       an erasure finds a person's items ({@link RunFileErasure}).</li>
 * </ul>
 * Everything expires ({@code expiresAt}, TTL) after the organisation's {@link RetentionKind#RUN_STAGING}
 * period (90 days unless it chose shorter); the files in S3 follow the exports
 * bucket's lifecycle. Few runs are open at once (one per step, channel and day), so one index partition
 * for open runs is no hot spot.
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbRunStore implements RunStore {

    public static final String OPEN_RUNS_INDEX = "openRuns";
    public static final String JOURNEY_RUNS_INDEX = "journeyRuns";
    public static final String BY_CONTACT_INDEX = "byContact";
    static final String CONTACT_KEY = "contactKey";
    private static final int MAX_RUNS_A_DAY = 50;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RetentionPeriods retention;

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
        for (int sequence = 1; sequence <= MAX_RUNS_A_DAY; sequence++) {
            RunRef run = new RunRef(item.tenant(), item.channel(),
                    RunIds.of(item.journeyId(), item.version(), item.stepId(), item.day(), sequence));
            if (touchOpenRun(run, item, at)) {
                putItem(run, item, at);
                return run;
            }
        }
        throw new IllegalStateException("more than " + MAX_RUNS_A_DAY + " runs of one step in a day");
    }

    private boolean touchOpenRun(RunRef run, RunItem item, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s(RunStatus.OPEN.name()));
        values.put(":at", n(at.toEpochMilli()));
        values.put(":marker", s("open"));
        values.put(":tenant", s(run.tenant().value()));
        values.put(":channel", s(run.channel().jsonName()));
        values.put(":runId", s(run.runId()));
        values.put(":journeyId", s(item.journeyId()));
        values.put(":version", n(item.version()));
        values.put(":stepId", s(item.stepId()));
        values.put(":journeyKey", s(run.tenant().value() + "#" + item.journeyId()));
        values.put(":expires", n(at.plus(kept(run.tenant())).getEpochSecond()));
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
        Map<String, AttributeValue> record = new HashMap<>(key(run, "item#" + item.key()));
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
        query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :item)")
                .expressionAttributeValues(Map.of(":pk", s(pk(run)), ":item", s("item#"))).build(), item -> {
            Map<String, String> fields = new HashMap<>();
            item.get("fields").m().forEach((name, value) -> fields.put(name, value.s()));
            items.add(new RunItem(run.tenant(), run.channel(), item.get("journeyId").s(),
                    Integer.parseInt(item.get("version").n()), item.get("stepId").s(),
                    java.time.LocalDate.parse(item.get("day").s()), item.get("key").s(), item.get("contactId").s(),
                    fields));
        });
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

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
