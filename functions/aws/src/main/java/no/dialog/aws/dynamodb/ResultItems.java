package no.dialog.aws.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A journey's result counters in the enrolments table, spread over {@link #SHARDS} partitions per journey
 * ({@code <tenant>#results#<journeyId>#00} to {@code #31}), one item per version, step, variant, channel and day
 * (Europe/Oslo) in each ({@code v000001#ask#A#sms#2026-12-07}), one numeric attribute per {@link ResultCounter}
 * that only ever grows by {@code ADD}. Every write goes to one shard; reading sums the shards. The shards keep
 * a campaign of 2,000 messages a second under 500 writes a second per partition key, and no counter item is
 * written by more than a few hundred updates a second (ADR 0035).
 * The engine adds after the enrolment's write ({@link DynamoDbEnrolmentStore}), the senders and the providers'
 * reports on their own ({@link DynamoDbResultCounts}): both write here, so there is one item format.
 */
final class ResultItems {

    static final int SHARDS = EnrolmentItems.RESULT_SHARDS;
    private static final String PK = "pk";
    private static final String SK = "sk";

    private ResultItems() {}

    /** The partition of one shard of a journey's results; every one matches the IAM condition {@code *#results#*}. */
    static String pk(TenantId tenant, String journeyId, int shard) {
        return KeyShards.key(tenant.value() + "#results#" + journeyId, shard, SHARDS);
    }

    /**
     * Adds the counts on one shard picked at random: one {@code UpdateItem ADD} per counter item, keys of the same
     * item summed. Not in a transaction: counters that every enrolment and message adds to would make concurrent
     * transactions conflict on them (ADR 0035).
     */
    static void add(DynamoDbClient dynamoDb, String table, TenantId tenant, List<ResultKey> counts, Instant at) {
        if (counts.isEmpty()) {
            return;
        }
        for (Update update : updates(table, tenant, counts, at, KeyShards.random(SHARDS))) {
            dynamoDb.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        }
    }

    /** One update per counter item on the given shard, summing keys of the same item. */
    static List<Update> updates(String table, TenantId tenant, List<ResultKey> counts, Instant at, int shard) {
        String day = LocalDate.ofInstant(at, OsloTime.ZONE).toString();
        Map<String, Map<ResultCounter, Long>> byItem = new LinkedHashMap<>();
        Map<String, String> pkOf = new LinkedHashMap<>();
        for (ResultKey key : counts) {
            String sk = String.format("v%06d#%s#%s#%s#%s", key.version(), orDash(key.stepId()),
                    orDash(key.variant()), orDash(key.channel()), day);
            String item = key.journeyId() + "\n" + sk;
            pkOf.put(item, pk(tenant, key.journeyId(), shard));
            byItem.computeIfAbsent(item, k -> new LinkedHashMap<>()).merge(key.counter(), key.by(), Long::sum);
        }
        List<Update> updates = new ArrayList<>();
        byItem.forEach((item, counters) -> {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            List<String> adds = new ArrayList<>();
            counters.forEach((counter, by) -> {
                String name = counter.name().toLowerCase(Locale.ROOT);
                names.put("#" + name, counter.name());
                values.put(":" + name, AttributeValue.fromN(Long.toString(by)));
                adds.add("#" + name + " :" + name);
            });
            String sk = item.substring(item.indexOf('\n') + 1);
            updates.add(Update.builder().tableName(table)
                    .key(Map.of(PK, AttributeValue.fromS(pkOf.get(item)), SK, AttributeValue.fromS(sk)))
                    .updateExpression("ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
        });
        return updates;
    }

    /** Every counter of the journey, summed over shards, per version, step, variant, channel and day. */
    static List<ResultCount> read(DynamoDbClient dynamoDb, String table, TenantId tenant, String journeyId) {
        Map<ResultKey, Map<LocalDate, Long>> sums = new LinkedHashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            readShard(dynamoDb, table, pk(tenant, journeyId, shard), journeyId, sums);
        }
        List<ResultCount> results = new ArrayList<>();
        sums.forEach((key, byDay) -> byDay.forEach((day, count) -> results.add(new ResultCount(key, day, count))));
        return results;
    }

    private static void readShard(DynamoDbClient dynamoDb, String table, String pk, String journeyId,
            Map<ResultKey, Map<LocalDate, Long>> sums) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String[] parts = item.get(SK).s().split("#", -1);
                int version = Integer.parseInt(parts[0].substring(1));
                LocalDate day = LocalDate.parse(parts[4]);
                for (ResultCounter counter : ResultCounter.values()) {
                    AttributeValue value = item.get(counter.name());
                    if (value != null) {
                        ResultKey key = new ResultKey(journeyId, version, nullIfDash(parts[1]), nullIfDash(parts[2]),
                                nullIfDash(parts[3]), counter, 1);
                        sums.computeIfAbsent(key, k -> new java.util.TreeMap<>())
                                .merge(day, Long.parseLong(value.n()), Long::sum);
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    // Step ids, variant names and channels are [a-z0-9-] / short names, never "-" alone, so "-" can stand for "none".
    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String nullIfDash(String value) {
        return "-".equals(value) ? null : value;
    }
}
