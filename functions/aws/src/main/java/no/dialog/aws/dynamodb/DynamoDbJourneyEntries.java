package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.EnrolmentItems.PK;
import static no.dialog.aws.dynamodb.EnrolmentItems.SK;
import static no.dialog.aws.dynamodb.EnrolmentItems.n;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link JourneyEntries} in the enrolments table: {@code tenant#journey#id} / {@code entries}, {@code seen#<hash>}. */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbJourneyEntries implements JourneyEntries {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJourneyEntries(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean takePlace(TenantId tenant, String journeyId, Long cap) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1)));
        String condition = null;
        if (cap != null) {
            condition = "attribute_not_exists(entries) OR entries < :cap";
            values.put(":cap", n(cap));
        }
        String check = condition;
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, journeyId, "entries"))
                    .updateExpression("ADD entries :one").conditionExpression(check).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void returnPlace(TenantId tenant, String journeyId) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, journeyId, "entries"))
                .updateExpression("ADD entries :minus").expressionAttributeValues(Map.of(":minus", n(-1))));
    }

    @Override
    public boolean seen(TenantId tenant, String journeyId, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, journeyId, seenKey(key)))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void markSeen(TenantId tenant, String journeyId, String key) {
        dynamoDb.putItem(b -> b.tableName(table).item(key(tenant, journeyId, seenKey(key))));
    }

    @Override
    public boolean startRun(TenantId tenant, String journeyId, String runId) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(key(tenant, journeyId, "run#" + runId))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String journeyId, String sk) {
        return Map.of(PK, s(tenant.value() + "#journey#" + journeyId), SK, s(sk));
    }

    /** Keys come from event payloads (a gift id): hashed, so nothing from outside is stored as-is. */
    private static String seenKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "seen#" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
