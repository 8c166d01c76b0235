package no.dialog.aws.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The erasures table: one item per erasure, {@code pk = <tenant>}, {@code sk = <erasureId>}, so a tenant only
 * ever reads its own. It holds who asked ({@code requestedBy}, {@code source}), when, the contact id, per store
 * how many items were erased ({@code erased}, a map, and {@code steps}, the stores in the order they finished)
 * and {@code finishedAt}. Every write is conditional: the first record, each store's first count and the first
 * finish win, so a redelivered erasure cannot rewrite its own report.
 *
 * <p>The record is the organisation's evidence that it erased the person, kept {@link #RETENTION} after the
 * request or its end ({@code expiresAt}, docs/privacy.md).
 */
@Singleton
@Requires(property = "erasures.table")
public class DynamoDbErasureLog implements ErasureLog {

    /** Three years: the general limitation period for claims (foreldelsesloven § 2), plus a day. */
    public static final Duration RETENTION = Duration.ofDays(3 * 365 + 1);

    static final String PK = "pk";
    static final String SK = "sk";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbErasureLog(DynamoDbClient dynamoDb, @Value("${erasures.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String erasureId) {
        return Map.of(PK, AttributeValue.fromS(tenant.value()), SK, AttributeValue.fromS(erasureId));
    }

    private static AttributeValue expiresAt(Instant from) {
        return AttributeValue.fromN(Long.toString(from.plus(RETENTION).getEpochSecond()));
    }

    @Override
    public boolean start(Erasure erasure) {
        Map<String, AttributeValue> item = new HashMap<>(key(erasure.tenant(), erasure.erasureId()));
        item.put("contactId", AttributeValue.fromS(erasure.contactId()));
        item.put("requestedBy", AttributeValue.fromS(erasure.requestedBy() == null ? "" : erasure.requestedBy()));
        item.put("source", AttributeValue.fromS(erasure.source().name()));
        item.put("requestedAt", AttributeValue.fromS(erasure.requestedAt().toString()));
        item.put("erased", AttributeValue.fromM(Map.of()));
        item.put("steps", AttributeValue.fromL(List.of()));
        item.put("expiresAt", expiresAt(erasure.requestedAt()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Erasure> find(TenantId tenant, String erasureId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(tenant, erasureId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> counts = item.getOrDefault("erased", AttributeValue.fromM(Map.of())).m();
        Map<String, Long> erased = new LinkedHashMap<>();
        for (AttributeValue step : item.getOrDefault("steps", AttributeValue.fromL(List.of())).l()) {
            AttributeValue count = counts.get(step.s());
            if (count != null) {
                erased.put(step.s(), Long.parseLong(count.n()));
            }
        }
        AttributeValue finished = item.get("finishedAt");
        return Optional.of(new Erasure(tenant, erasureId, item.get("contactId").s(), item.get("requestedBy").s(),
                Erasure.Source.valueOf(item.get("source").s()), Instant.parse(item.get("requestedAt").s()), erased,
                finished == null ? null : Instant.parse(finished.s())));
    }

    @Override
    public void stepDone(TenantId tenant, String erasureId, String store, long erased) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, erasureId))
                    .updateExpression("SET erased.#store = :count, steps = list_append(steps, :step)")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(erased.#store)")
                    .expressionAttributeNames(Map.of("#store", store))
                    .expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Long.toString(erased)),
                            ":step", AttributeValue.fromL(List.of(AttributeValue.fromS(store))))));
        } catch (ConditionalCheckFailedException recordedAlready) {
            // A redelivery that raced the first run: the first count stands.
        }
    }

    @Override
    public void finish(TenantId tenant, String erasureId, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, erasureId))
                    .updateExpression("SET finishedAt = :at, expiresAt = :expires")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(finishedAt)")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()),
                            ":expires", expiresAt(at))));
        } catch (ConditionalCheckFailedException finishedAlready) {
            // Finished by an earlier run: its time stands.
        }
    }
}
