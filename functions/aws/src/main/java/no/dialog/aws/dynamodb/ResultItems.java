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
 * A journey's result counters in the enrolments table: one partition per journey
 * ({@code <tenant>#results#<journeyId>}), one item per version, step, variant, channel, day (Europe/Oslo) and
 * shard ({@code v000001#ask#A#sms#2026-12-07#3}), one numeric attribute per {@link ResultCounter} that only
 * ever grows by {@code ADD}. Shards spread the writes of one busy row over several items; reading sums them.
 * The engine adds in the enrolment's transaction, the senders and the providers' reports add on their own
 * ({@link DynamoDbResultCounts}): both build their updates here, so there is one item format.
 */
final class ResultItems {

    static final int SHARDS = EnrolmentItems.RESULT_SHARDS;
    private static final String PK = "pk";
    private static final String SK = "sk";

    private ResultItems() {}

    static String pk(TenantId tenant, String journeyId) {
        return tenant.value() + "#results#" + journeyId;
    }

    /** One update per counter item (a transaction may touch an item only once), summing keys of the same item. */
    static List<Update> updates(String table, TenantId tenant, List<ResultKey> counts, Instant at, int shard) {
        String day = LocalDate.ofInstant(at, OsloTime.ZONE).toString();
        Map<String, Map<ResultCounter, Long>> byItem = new LinkedHashMap<>();
        Map<String, String> pkOf = new LinkedHashMap<>();
        for (ResultKey key : counts) {
            String sk = String.format("v%06d#%s#%s#%s#%s#%d", key.version(), orDash(key.stepId()),
                    orDash(key.variant()), orDash(key.channel()), day, Math.floorMod(shard, SHARDS));
            String item = key.journeyId() + "\n" + sk;
            pkOf.put(item, pk(tenant, key.journeyId()));
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
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(tenant, journeyId))))
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
        List<ResultCount> results = new ArrayList<>();
        sums.forEach((key, byDay) -> byDay.forEach((day, count) -> results.add(new ResultCount(key, day, count))));
        return results;
    }

    // Step ids, variant names and channels are [a-z0-9-] / short names, never "-" alone, so "-" can stand for "none".
    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String nullIfDash(String value) {
        return "-".equals(value) ? null : value;
    }
}
