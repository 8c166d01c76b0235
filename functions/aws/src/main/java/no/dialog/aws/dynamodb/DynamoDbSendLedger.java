package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.privacy.RetentionPeriods;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.LedgerWrite;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link SendLedger} in its own table (template.yaml's {@code SendLedgerTable}): one item per idempotency
 * key ({@code pk}), every transition a conditional write on {@code state}. Items carry {@code expiresAt}
 * (epoch seconds, the table's TTL attribute) the organisation's {@link RetentionKind#SEND_LEDGER} period
 * (90 days unless it chose shorter) after they were created: after SQS (14 days at most) can deliver the
 * request again. {@link #writeAll} makes many writes with the same conditions in PartiQL
 * {@code BatchExecuteStatement} calls of 25 ({@link PartiqlBatchWriter}); {@link #findAll} reads many entries
 * in BatchGetItem calls of 100.
 */
@Singleton
@Requires(property = "send.ledger.table")
public class DynamoDbSendLedger implements SendLedger {

    private static final String JOURNEY = "resultJourney";
    private static final String VERSION = "resultVersion";
    private static final String STEP = "resultStep";
    private static final String VARIANT = "resultVariant";
    /** Throttled statements of a batch are sent again this many times (about 6 s of backoff at most). */
    private static final int RETRIES = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(25);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final RetentionPeriods retention;
    private final PartiqlBatchWriter batches;

    @Inject
    public DynamoDbSendLedger(DynamoDbClient dynamoDb, @Value("${send.ledger.table}") String table, Clock clock,
            @Nullable RetentionPeriods retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.retention = retention == null ? RetentionPeriods.DEFAULTS : retention;
        this.batches = new PartiqlBatchWriter(dynamoDb, RETRIES, FIRST_BACKOFF);
    }

    /** With Dialog's default retention, for tools and tests. */
    public DynamoDbSendLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this(dynamoDb, table, clock, null);
    }

    @Override
    public boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId, Instant at) {
        return recordIntent(key, tenant, channel, contactId, null, at);
    }

    @Override
    public boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId, ResultScope scope,
                                Instant at) {
        return putIfAbsent(intentItem(key, tenant, channel, contactId, scope, at));
    }

    private Map<String, AttributeValue> intentItem(String key, TenantId tenant, SendChannel channel, String contactId,
                                                  ResultScope scope, Instant at) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (scope != null) {
            // Where the provider's reports count: the journey version, step and variant (no personal data).
            item.put(JOURNEY, s(scope.journeyId()));
            item.put(VERSION, n(scope.version()));
            if (scope.stepId() != null) {
                item.put(STEP, s(scope.stepId()));
            }
            if (scope.variant() != null) {
                item.put(VARIANT, s(scope.variant()));
            }
        }
        item.put("pk", s(key));
        item.put("tenant", s(tenant.value()));
        item.put("channel", s(channel.jsonName()));
        if (contactId != null) {
            item.put("contactId", s(contactId));
            // The byContact index finds a person's messages when they are erased.
            item.put("contactKey", s(tenant.value() + "#" + contactId));
        }
        item.put("state", s(SendState.INTENDED.name()));
        item.put("attempts", n(1));
        item.put("createdAt", s(at.toString()));
        item.put("updatedAt", s(at.toString()));
        item.put("expiresAt", n(at.plus(retention.period(tenant, RetentionKind.SEND_LEDGER)).getEpochSecond()));
        return item;
    }

    @Override
    public boolean reclaim(String key, Instant at) {
        return update(key, "SET #state = :to, updatedAt = :at, attempts = attempts + :one",
                "#state = :retryable", Map.of(":to", s(SendState.INTENDED.name()), ":at", s(at.toString()),
                        ":one", n(1), ":retryable", s(SendState.RETRYABLE.name())));
    }

    @Override
    public boolean markSent(String key, String providerMessageId, int parts) {
        Map<String, AttributeValue> values = open();
        values.put(":to", s(SendState.SENT.name()));
        values.put(":at", s(clock.instant().toString()));
        values.put(":parts", n(parts));
        String set = "SET #state = :to, updatedAt = :at, parts = :parts REMOVE reason";
        if (providerMessageId != null) {
            values.put(":id", s(providerMessageId));
            set = "SET #state = :to, updatedAt = :at, parts = :parts, providerMessageId = :id REMOVE reason";
        }
        return update(key, set, "#state IN (:intended, :unconfirmed)", values);
    }

    @Override
    public boolean markFailed(String key, String reason) {
        return transition(key, SendState.FAILED, reason, "#state IN (:intended, :unconfirmed)", open());
    }

    @Override
    public boolean markRetryable(String key, String reason) {
        return transition(key, SendState.RETRYABLE, reason, "#state IN (:intended, :unconfirmed)", open());
    }

    @Override
    public boolean markUnconfirmed(String key, String reason) {
        return transition(key, SendState.UNCONFIRMED, reason, "#state = :intended",
                new HashMap<>(Map.of(":intended", s(SendState.INTENDED.name()))));
    }

    @Override
    public boolean markNotSendable(String key, String reason) {
        return putIfAbsent(notSendableItem(key, reason));
    }

    private Map<String, AttributeValue> notSendableItem(String key, String reason) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(key));
        int colon = key.indexOf(':');
        Duration kept = RetentionKind.SEND_LEDGER.byDefault();
        if (colon > 0) {
            item.put("tenant", s(key.substring(0, colon)));
            kept = retention.period(TenantId.of(key.substring(0, colon)), RetentionKind.SEND_LEDGER);
        }
        item.put("state", s(SendState.NOT_SENDABLE.name()));
        item.put("reason", s(reason));
        item.put("attempts", n(0));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        item.put("expiresAt", n(now.plus(kept).getEpochSecond()));
        return item;
    }

    @Override
    public boolean recordMilestone(String key, Milestone milestone, Instant at) {
        // reportedAt, openedAt, clickedAt: set once, by the first report of each.
        String name = milestone.name().toLowerCase(java.util.Locale.ROOT) + "At";
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                    .updateExpression("SET #m = :at")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#m)")
                    .expressionAttributeNames(Map.of("#m", name))
                    .expressionAttributeValues(Map.of(":at", s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<LedgerEntry> find(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry(key, item));
    }

    /** BatchGetItem with consistent reads, 100 keys a call, unprocessed keys asked again. */
    @Override
    public Map<String, LedgerEntry> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, LedgerEntry> found = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : IndexedReads.batchGet(dynamoDb, table,
                keys.stream().map(key -> Map.of("pk", s(key))).toList())) {
            found.put(item.get("pk").s(), entry(item.get("pk").s(), item));
        }
        return found;
    }

    private static LedgerEntry entry(String key, Map<String, AttributeValue> item) {
        return new LedgerEntry(key, text(item, "tenant"), text(item, "channel"),
                SendState.valueOf(item.get("state").s()), text(item, "providerMessageId"),
                item.containsKey("parts") ? Integer.valueOf(item.get("parts").n()) : null, text(item, "reason"),
                Integer.parseInt(item.get("attempts").n()), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()), text(item, "contactId"), scope(item));
    }

    /**
     * The writes as PartiQL statements in {@code BatchExecuteStatement} calls of 25, each with the condition
     * of its single-key method: an INSERT fails if the item exists (as {@code attribute_not_exists(pk)}), an
     * UPDATE's WHERE names the key and the states it may come from (and fails on a missing item). A failed
     * condition is that write's false; the others are made.
     */
    @Override
    public List<Boolean> writeAll(List<? extends LedgerWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        return batches.run(writes.stream().map(this::statement).toList());
    }

    private PartiqlBatchWriter.Statement statement(LedgerWrite write) {
        Instant now = clock.instant();
        return switch (write) {
            case LedgerWrite.Intent i -> insert(i.key(),
                    intentItem(i.key(), i.tenant(), i.channel(), i.contactId(), i.scope(), i.at()));
            case LedgerWrite.NotSendable n -> insert(n.key(), notSendableItem(n.key(), n.reason()));
            case LedgerWrite.Reclaim r -> new Update(r.key()).set("state", s(SendState.INTENDED.name()))
                    .set("updatedAt", s(r.at().toString())).increment("attempts").from(SendState.RETRYABLE);
            case LedgerWrite.Sent sent -> {
                Update update = new Update(sent.key()).set("state", s(SendState.SENT.name()))
                        .set("updatedAt", s(now.toString())).set("parts", n(sent.parts()));
                if (sent.providerMessageId() != null) {
                    update.set("providerMessageId", s(sent.providerMessageId()));
                }
                yield update.remove("reason").from(SendState.INTENDED, SendState.UNCONFIRMED);
            }
            case LedgerWrite.Failed f -> settle(f.key(), SendState.FAILED, f.reason(), now)
                    .from(SendState.INTENDED, SendState.UNCONFIRMED);
            case LedgerWrite.Retryable r -> settle(r.key(), SendState.RETRYABLE, r.reason(), now)
                    .from(SendState.INTENDED, SendState.UNCONFIRMED);
            case LedgerWrite.Unconfirmed u -> settle(u.key(), SendState.UNCONFIRMED, u.reason(), now)
                    .from(SendState.INTENDED);
        };
    }

    private Update settle(String key, SendState to, String reason, Instant now) {
        return new Update(key).set("state", s(to.name())).set("updatedAt", s(now.toString()))
                .set("reason", s(reason == null || reason.isBlank() ? "no reason given" : reason));
    }

    private PartiqlBatchWriter.Statement insert(String key, Map<String, AttributeValue> item) {
        // INSERT fails with ConditionalCheckFailed when an item with the key exists: attribute_not_exists(pk).
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        List<AttributeValue> parameters = new ArrayList<>(item.size());
        item.forEach((name, value) -> {
            fields.add("'" + name + "': ?");
            parameters.add(value);
        });
        return new PartiqlBatchWriter.Statement(key, "INSERT INTO \"" + table + "\" VALUE " + fields, parameters);
    }

    /** An UPDATE of one entry, conditional on the states it may come from. */
    private final class Update {
        private final String key;
        private final StringBuilder text = new StringBuilder("UPDATE \"").append(table).append('"');
        private final List<AttributeValue> parameters = new ArrayList<>();

        Update(String key) {
            this.key = key;
        }

        Update set(String attribute, AttributeValue value) {
            text.append(" SET \"").append(attribute).append("\" = ?");
            parameters.add(value);
            return this;
        }

        Update increment(String attribute) {
            text.append(" SET \"").append(attribute).append("\" = \"").append(attribute).append("\" + ?");
            parameters.add(n(1));
            return this;
        }

        Update remove(String attribute) {
            text.append(" REMOVE \"").append(attribute).append('"');
            return this;
        }

        /** The WHERE: the key, and the state one of {@code states} (a missing item has none, so it fails). */
        PartiqlBatchWriter.Statement from(SendState... states) {
            text.append(" WHERE \"pk\" = ? AND (");
            parameters.add(s(key));
            for (int i = 0; i < states.length; i++) {
                text.append(i == 0 ? "" : " OR ").append("\"state\" = ?");
                parameters.add(s(states[i].name()));
            }
            text.append(')');
            return new PartiqlBatchWriter.Statement(key, text.toString(), parameters);
        }
    }

    private static ResultScope scope(Map<String, AttributeValue> item) {
        if (!item.containsKey(JOURNEY)) {
            return null;
        }
        return new ResultScope(item.get(JOURNEY).s(), Integer.parseInt(item.get(VERSION).n()), text(item, STEP),
                text(item, VARIANT));
    }

    private boolean transition(String key, SendState to, String reason, String condition,
                               Map<String, AttributeValue> values) {
        values.put(":to", s(to.name()));
        values.put(":at", s(clock.instant().toString()));
        values.put(":reason", s(reason == null || reason.isBlank() ? "no reason given" : reason));
        return update(key, "SET #state = :to, updatedAt = :at, reason = :reason", condition, values);
    }

    private boolean update(String key, String expression, String condition, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk) AND " + condition)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> open() {
        return new HashMap<>(Map.of(":intended", s(SendState.INTENDED.name()),
                ":unconfirmed", s(SendState.UNCONFIRMED.name())));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
