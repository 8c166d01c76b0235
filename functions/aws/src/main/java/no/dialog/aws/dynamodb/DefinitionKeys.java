package no.dialog.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys of the definitions table (template.yaml's DefinitionsTable): {@code pk = <tenant>#<kind>},
 * {@code sk = <id>} (journeys: {@code <id>#head}, {@code <id>#v000001} ...). The tenant is in the
 * partition key, so a read for one tenant cannot return another's items.
 */
final class DefinitionKeys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String SEGMENT = "segment";
    static final String TEMPLATE = "template";
    static final String JOURNEY = "journey";

    private DefinitionKeys() {}

    static String pk(TenantId tenant, String kind) {
        return tenant.value() + "#" + kind;
    }

    static Map<String, AttributeValue> key(TenantId tenant, String kind, String sk) {
        return Map.of(PK, s(pk(tenant, kind)), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Every item of one tenant and kind, in sort-key order, all pages, read consistently. */
    static <T> List<T> queryAll(DynamoDbClient dynamoDb, String table, TenantId tenant, String kind,
                                Function<Map<String, AttributeValue>, T> read) {
        List<T> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk(tenant, kind))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) {
                T value = read.apply(item);
                if (value != null) {
                    result.add(value);
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return result;
    }
}
