package no.dialog.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
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

    /**
     * One page of one tenant and kind, in sort-key order, read consistently: at most {@code request.limit()}
     * items that {@code read} keeps (null: skip the item, as journey versions are skipped), from after the
     * sort key {@code request.after()}. The page's last key is the sort key of its last item when more
     * follow. Each query asks for one item more than the page holds, so a full last page is known to be
     * the last without an empty page after it; skipped items make it read on until the page is full.
     */
    static <T> Page<T> queryPage(DynamoDbClient dynamoDb, String table, TenantId tenant, String kind,
                                 Function<Map<String, AttributeValue>, T> read, PageRequest request) {
        List<T> items = new ArrayList<>();
        String lastKey = null;
        Map<String, AttributeValue> start = request.after() == null ? null : key(tenant, kind, request.after());
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk(tenant, kind))))
                    .exclusiveStartKey(from)
                    .limit(request.limit() + 1));
            for (Map<String, AttributeValue> item : response.items()) {
                T value = read.apply(item);
                if (value == null) {
                    continue;
                }
                if (items.size() == request.limit()) {
                    return new Page<>(items, Optional.of(lastKey), request.limit());
                }
                items.add(value);
                lastKey = item.get(SK).s();
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Page<>(items, Optional.empty(), request.limit());
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
