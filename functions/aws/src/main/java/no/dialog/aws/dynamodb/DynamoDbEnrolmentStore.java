package no.dialog.aws.dynamodb;

import static no.dialog.aws.dynamodb.EnrolmentItems.BODY;
import static no.dialog.aws.dynamodb.EnrolmentItems.BY_DUE;
import static no.dialog.aws.dynamodb.EnrolmentItems.DUE_AT;
import static no.dialog.aws.dynamodb.EnrolmentItems.DUE_SHARD;
import static no.dialog.aws.dynamodb.EnrolmentItems.PENDING;
import static no.dialog.aws.dynamodb.EnrolmentItems.PK;
import static no.dialog.aws.dynamodb.EnrolmentItems.REV;
import static no.dialog.aws.dynamodb.EnrolmentItems.SK;
import static no.dialog.aws.dynamodb.EnrolmentItems.n;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.privacy.RetentionPeriods;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link EnrolmentStore} on the enrolments table; the layout is described in {@link EnrolmentItems}. */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbEnrolmentStore implements EnrolmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbEnrolmentStore.class);

    private static final int DUE_PAGE = 1000;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final RetentionPeriods retention;

    @Inject
    public DynamoDbEnrolmentStore(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table, Clock clock,
            @Nullable RetentionPeriods retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.retention = retention == null ? RetentionPeriods.DEFAULTS : retention;
    }

    /** With Dialog's default retention. */
    public DynamoDbEnrolmentStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this(dynamoDb, table, clock, null);
    }

    /** For tools and tests that do not move time: ended enrolments expire from the system clock's now. */
    public DynamoDbEnrolmentStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Clock.systemUTC());
    }

    private Duration endedKept(Enrolment enrolment) {
        return retention.period(enrolment.tenant(), RetentionKind.ENDED_ENROLMENT);
    }

    @Override
    public Optional<Stored> load(TenantId tenant, EnrolmentRef ref) {
        return read(tenant, ref).map(item -> new Stored(EnrolmentItems.enrolment(item), EnrolmentItems.pending(item)));
    }

    private Optional<Map<String, AttributeValue>> read(TenantId tenant, EnrolmentRef ref) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, ref.contactId(), ref.enrolmentId()))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        // The id is derived from (tenant, contact): a ref whose parts do not belong together finds nothing.
        if (!ref.enrolmentId().equals(item.get("enrolmentId").s())) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    @Override
    public List<Enrolment> ofContact(TenantId tenant, String contactId) {
        return queryPerson(tenant, contactId, "e#", true, 0);
    }

    @Override
    public Optional<Enrolment> latest(TenantId tenant, String contactId, String journeyId) {
        return queryPerson(tenant, contactId, EnrolmentItems.journeyPrefix(journeyId), false, 1).stream().findFirst();
    }

    private List<Enrolment> queryPerson(TenantId tenant, String contactId, String prefix, boolean forward, int limit) {
        List<Enrolment> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> {
                b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(EnrolmentItems.personPk(tenant, contactId)),
                                ":prefix", s(prefix)))
                        .projectionExpression(BODY).scanIndexForward(forward).exclusiveStartKey(from);
                if (limit > 0) {
                    b.limit(limit);
                }
            });
            page.items().forEach(item -> found.add(EnrolmentItems.enrolment(item)));
            start = limit == 0 && page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    @Override
    public boolean create(Enrolment enrolment, List<ResultKey> counts) {
        Map<String, AttributeValue> item = EnrolmentItems.item(enrolment, clock.instant(), endedKept(enrolment));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        return counted(enrolment, counts);
    }

    @Override
    public boolean commit(Enrolment previous, Enrolment next, List<SendRequest> pendingSends, List<ResultKey> counts) {
        if (next.revision() != previous.revision() + 1) {
            throw new IllegalArgumentException("a commit moves the revision on by exactly one");
        }
        Map<String, AttributeValue> item = EnrolmentItems.item(next, clock.instant(), endedKept(next));
        if (!pendingSends.isEmpty()) {
            item.put(PENDING, s(EnrolmentItems.pendingJson(pendingSends)));
        }
        Update update = replacing(item, sentSteps(pendingSends), previous.revision());
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(update.key()).updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        return counted(next, counts);
    }

    /**
     * The whole item as an update rather than a put: every attribute set, the optional ones that
     * {@code item} lacks removed, so the result equals a put of {@code item}, except that {@code sent}
     * is only ever added to (the enrolment body does not know which sends the frequency cap stopped,
     * so the steps actually handed on are kept beside it, ADR 0007).
     */
    private Update replacing(Map<String, AttributeValue> item, Set<String> sentSteps, long previousRevision) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (attribute.getKey().equals(PK) || attribute.getKey().equals(SK)) {
                continue;
            }
            names.put("#a" + i, attribute.getKey());
            values.put(":a" + i, attribute.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        List<String> removes = new ArrayList<>();
        for (String optional : List.of(DUE_SHARD, DUE_AT, PENDING, EnrolmentItems.EXPIRES_AT)) {
            if (!item.containsKey(optional)) {
                names.put("#r" + removes.size(), optional);
                removes.add("#r" + removes.size());
            }
        }
        StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", sets));
        if (!removes.isEmpty()) {
            expression.append(" REMOVE ").append(String.join(", ", removes));
        }
        if (!sentSteps.isEmpty()) {
            names.put("#sent", EnrolmentItems.SENT);
            values.put(":sent", AttributeValue.builder().ss(sentSteps).build());
            expression.append(" ADD #sent :sent");
        }
        values.put(":rev", n(previousRevision));
        names.put("#rev", REV);
        return Update.builder().tableName(table).key(Map.of(PK, item.get(PK), SK, item.get(SK)))
                .updateExpression(expression.toString()).conditionExpression("#rev = :rev")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static Set<String> sentSteps(List<SendRequest> sends) {
        Set<String> steps = new TreeSet<>();
        sends.forEach(send -> steps.add(send.stepId()));
        return steps;
    }

    /**
     * Adds the counters of an enrolment write once the write succeeded, outside its transaction (ADR 0035): every
     * enrolment of a journey adds to the same few counter items, and two transactions that touch one item at once
     * cancel each other, so at campaign rates most would fail. A crash between the two writes loses the counts,
     * never doubles them, as with the senders' counts (ADR 0029); a failed counter write is logged, not thrown,
     * because the enrolment moved on and a retry would find nothing left to do.
     */
    private boolean counted(Enrolment enrolment, List<ResultKey> counts) {
        try {
            ResultItems.add(dynamoDb, table, enrolment.tenant(), counts, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("{} result counter(s) of tenant {} not written: {}", counts.size(), enrolment.tenant().value(),
                    e.getClass().getSimpleName());
        }
        return true;
    }

    @Override
    public void clearPending(Enrolment enrolment) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(enrolment.tenant(), enrolment.contactId(), enrolment.enrolmentId()))
                    .updateExpression("REMOVE " + PENDING).conditionExpression("rev = :rev")
                    .expressionAttributeValues(Map.of(":rev", n(enrolment.revision()))));
        } catch (ConditionalCheckFailedException e) {
            // Moved on meanwhile: the newer revision was written without these sends, nothing to clear.
        }
    }

    @Override
    public void forEachDue(int shard, Instant now, java.util.function.Consumer<List<DueEnrolment>> pageSink) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).indexName(BY_DUE)
                    .keyConditionExpression("#shard = :shard AND #due <= :now")
                    .expressionAttributeNames(Map.of("#shard", DUE_SHARD, "#due", DUE_AT))
                    .expressionAttributeValues(Map.of(":shard", s(String.format("%02d", shard)),
                            ":now", n(now.toEpochMilli())))
                    .limit(DUE_PAGE).exclusiveStartKey(from));
            List<DueEnrolment> due = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                due.add(new DueEnrolment(TenantId.of(item.get("tenant").s()),
                        new EnrolmentRef(item.get("contactId").s(), item.get("enrolmentId").s()),
                        Instant.ofEpochMilli(Long.parseLong(item.get(DUE_AT).n()))));
            }
            if (!due.isEmpty()) {
                pageSink.accept(due);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public int dueShards() {
        return EnrolmentItems.DUE_SHARDS;
    }

    @Override
    public List<ResultCount> results(TenantId tenant, String journeyId) {
        return ResultItems.read(dynamoDb, table, tenant, journeyId);
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String contactId, String enrolmentId) {
        return Map.of(PK, s(EnrolmentItems.personPk(tenant, contactId)), SK, s(EnrolmentItems.enrolmentSk(enrolmentId)));
    }

}
