package no.dialog.aws.dynamodb;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that takes every put and update and counts them per partition key: the table's {@code pk}
 * and the keys of the enrolments table's indexes ({@code journeyKey}, {@code dueShard}) that a write sets, since
 * an index partition throttles the table's writes as a hot table partition does. Conditions always pass. Only for
 * counting where the adapters' writes land; what they store is tested against DynamoDB Local.
 */
final class PartitionWriteCounter implements DynamoDbClient {

    private static final List<String> INDEX_KEYS = List.of(EnrolmentItems.JOURNEY_KEY, EnrolmentItems.DUE_SHARD);

    private final Map<String, Integer> writes = new TreeMap<>();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        count("pk " + request.item().get("pk").s());
        for (String index : INDEX_KEYS) {
            AttributeValue key = request.item().get(index);
            if (key != null) {
                count(index + " " + key.s());
            }
        }
        return PutItemResponse.builder().build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        count("pk " + request.key().get("pk").s());
        if (request.hasExpressionAttributeNames()) {
            request.expressionAttributeNames().forEach((name, attribute) -> {
                if (INDEX_KEYS.contains(attribute)) {
                    // An update that moves the due time moves the item within its index partition: a delete and
                    // a put there, two writes.
                    String key = attribute + " " + request.expressionAttributeValues().get(":" + name.substring(1)).s();
                    count(key);
                    if (attribute.equals(EnrolmentItems.DUE_SHARD)) {
                        count(key);
                    }
                }
            });
        }
        return UpdateItemResponse.builder().build();
    }

    private void count(String key) {
        writes.merge(key, 1, Integer::sum);
    }

    /** Writes per partition key (prefixed {@code pk}, {@code journeyKey} or {@code dueShard}). */
    Map<String, Integer> writes() {
        return writes;
    }

    /** The partition keys starting with {@code prefix}, hottest first. */
    List<Map.Entry<String, Integer>> hottest(String prefix) {
        return writes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()).toList();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
