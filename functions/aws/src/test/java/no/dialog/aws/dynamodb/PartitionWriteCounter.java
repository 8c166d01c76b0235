package no.dialog.aws.dynamodb;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that takes every put and update and counts them per partition key: the table's {@code pk}
 * and the keys of the enrolments table's indexes ({@code journeyKey}, {@code dueShard}) that a write sets, since
 * an index partition throttles the table's writes as a hot table partition does. Conditions always pass, reads find
 * nothing, and an {@code ADD} that asks for the new value gets the sum of what was added to that item. Only for
 * counting where the adapters' writes land; what they store is tested against DynamoDB Local.
 */
final class PartitionWriteCounter implements DynamoDbClient {

    /**
     * Index keys: the enrolments' byJourney ({@code journeyKey}) and byDue ({@code dueShard}), the run files'
     * journeyRuns (also {@code journeyKey}) and openRuns.
     */
    private static final List<String> INDEX_KEYS = List.of(EnrolmentItems.JOURNEY_KEY, EnrolmentItems.DUE_SHARD,
            "openRuns");
    private static final List<String> MOVES_IN_ITS_PARTITION = List.of(EnrolmentItems.DUE_SHARD, "openRuns");
    private static final Pattern ASSIGNMENT = Pattern.compile("(#?\\w+) = (:\\w+)");

    private final Map<String, Integer> writes = new TreeMap<>();
    private final Map<Map<String, AttributeValue>, Long> sums = new java.util.HashMap<>();

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return GetItemResponse.builder().build();
    }

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
        Matcher set = ASSIGNMENT.matcher(request.updateExpression());
        while (set.find()) {
            String attribute = set.group(1).startsWith("#") ? request.expressionAttributeNames().get(set.group(1))
                    : set.group(1);
            if (INDEX_KEYS.contains(attribute)) {
                String key = attribute + " " + request.expressionAttributeValues().get(set.group(2)).s();
                count(key);
                if (MOVES_IN_ITS_PARTITION.contains(attribute)) {
                    // The update moves the item's sort key there (dueAt, lastItemAt): a delete and a put, two writes.
                    count(key);
                }
            }
        }
        if (request.returnValues() == ReturnValue.UPDATED_NEW) {
            // The KID counter: ADD lastNumber :block.
            AttributeValue by = request.expressionAttributeValues().values().iterator().next();
            long sum = sums.merge(request.key(), Long.parseLong(by.n()), Long::sum);
            return UpdateItemResponse.builder().attributes(Map.of("lastNumber", AttributeValue.fromN(Long.toString(sum))))
                    .build();
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
