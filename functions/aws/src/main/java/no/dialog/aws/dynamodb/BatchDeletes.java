package no.dialog.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Deleting many items by key, 25 to a request, until DynamoDB has handled every one (erasure's workhorse). */
public final class BatchDeletes {

    private static final int BATCH = 25;

    private BatchDeletes() {}

    /**
     * Deletes every item of a person found by querying {@code index} (null: the table) for {@code keyAttribute
     * = value}, reading the table's key attributes {@code keyNames} from each; returns how many were found.
     */
    public static long deleteQueried(DynamoDbClient dynamoDb, String table, String index, String keyAttribute,
                                     String value, List<String> keyNames) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamoDb.queryPaginator(b -> {
                    b.tableName(table).keyConditionExpression("#k = :v")
                            .expressionAttributeNames(Map.of("#k", keyAttribute))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)));
                    if (index == null) {
                        b.consistentRead(true);
                    } else {
                        b.indexName(index);
                    }
                })
                .items()
                .forEach(item -> keys.add(project(item, keyNames)));
        delete(dynamoDb, table, keys);
        return keys.size();
    }

    /** Deletes these keys, resending what DynamoDB hands back unprocessed (throttling) until none is left. */
    public static void delete(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> keys) {
        Function<Map<String, AttributeValue>, WriteRequest> delete = key -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build()).build();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(from + BATCH, keys.size())).stream()
                    .map(delete).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.getOrDefault(table, List.of()).isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name)));
        return key;
    }
}
