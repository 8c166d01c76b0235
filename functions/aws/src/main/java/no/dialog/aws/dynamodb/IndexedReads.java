package no.dialog.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads of every item a query names: all pages of a query, and the whole items behind a keys-only index
 * (BatchGetItem, 100 keys a call, unprocessed keys asked for again), for the readers of one person's items.
 */
public final class IndexedReads {

    private static final int BATCH_GET_LIMIT = 100;
    private static final int ATTEMPTS = 8;

    private IndexedReads() {}

    /** Every item of the query, page after page. */
    public static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamoDb, QueryRequest first) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryResponse response = dynamoDb.query(request);
            items.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            request = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }

    /** The items whose primary keys are named by a keys-only index query on {@code index} = {@code value}. */
    public static List<Map<String, AttributeValue>> itemsOfIndex(DynamoDbClient dynamoDb, String table, String index,
                                                                 String keyAttribute, String value,
                                                                 List<String> keyNames) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> entry : queryAll(dynamoDb, QueryRequest.builder().tableName(table)
                .indexName(index).keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", keyAttribute))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))).build())) {
            Map<String, AttributeValue> key = new java.util.HashMap<>();
            keyNames.forEach(name -> key.put(name, entry.get(name)));
            keys.add(key);
        }
        return batchGet(dynamoDb, table, keys);
    }

    /** The items with these keys that exist (consistent reads), in no particular order. */
    public static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamoDb, String table,
                                                             List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
        for (int i = 0; i < distinct.size(); i += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> asked = Map.of(table, KeysAndAttributes.builder()
                    .keys(distinct.subList(i, Math.min(i + BATCH_GET_LIMIT, distinct.size()))).consistentRead(true).build());
            for (int attempt = 0; !asked.isEmpty(); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept keys unprocessed; the read may be asked again");
                }
                Map<String, KeysAndAttributes> request = asked;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                asked = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!asked.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return items;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }
}
