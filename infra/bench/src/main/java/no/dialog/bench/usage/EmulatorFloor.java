package no.dialog.bench.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsRequest;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * The emulators' own speed for a benchmark's calls: the DynamoDB and SQS requests a measured run made (the
 * {@link AwsUsage.Recording#sample()}), issued again alone, in a tight loop from as many threads as the pipeline
 * ran, against copies of the tables (same keys and indexes, empty) and of the queues, so the run's data is not
 * touched and conditional writes meet the same empty items they first met. What the pipeline does beyond those
 * calls (its own CPU, waiting between steps) is what its throughput loses against this floor.
 *
 * <p>Receives do not wait (WaitTimeSeconds 0): a long poll on an empty copy would only measure the timeout.
 * Deletes name receipt handles of the original queue, which the copy refuses entry by entry; the emulator still
 * parses and answers each.
 */
public final class EmulatorFloor {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private EmulatorFloor() {}

    /** Requests per second the emulators answer for these requests, issued from {@code threads} threads. */
    public static double requestsPerSecond(List<SdkRequest> requests, DynamoDbClient dynamoDb, SqsClient sqs,
            int threads) throws Exception {
        if (requests.isEmpty()) {
            return Double.NaN;
        }
        String prefix = "floor" + RUNS.incrementAndGet() + "-";
        Map<String, String> names = new HashMap<>();
        Map<String, String> queues = new HashMap<>();
        List<SdkRequest> copies = new ArrayList<>(requests.size());
        for (SdkRequest request : requests) {
            copies.add(request instanceof DynamoDbRequest
                    ? (SdkRequest) rewrite(request, value -> table(value, prefix, names, dynamoDb))
                    : sqsCopy((SqsRequest) request, prefix, queues, sqs));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < copies.size(); i = next.getAndIncrement()) {
                    issue(copies.get(i), dynamoDb, sqs);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        names.values().forEach(copy -> dynamoDb.deleteTable(b -> b.tableName(copy)));
        queues.values().forEach(copy -> sqs.deleteQueue(b -> b.queueUrl(copy)));
        return copies.size() / seconds;
    }

    /** Issues one request; a refusal (a condition, a stale receipt handle) is an answer like any other. */
    private static void issue(SdkRequest request, DynamoDbClient dynamoDb, SqsClient sqs) {
        try {
            Object unused = switch (request) {
                case software.amazon.awssdk.services.dynamodb.model.PutItemRequest r -> dynamoDb.putItem(r);
                case software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r -> dynamoDb.updateItem(r);
                case software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest r -> dynamoDb.deleteItem(r);
                case software.amazon.awssdk.services.dynamodb.model.GetItemRequest r -> dynamoDb.getItem(r);
                case software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest r -> dynamoDb.batchGetItem(r);
                case software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest r ->
                        dynamoDb.batchWriteItem(r);
                case software.amazon.awssdk.services.dynamodb.model.QueryRequest r -> dynamoDb.query(r);
                case software.amazon.awssdk.services.dynamodb.model.ScanRequest r -> dynamoDb.scan(r);
                case software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest r ->
                        dynamoDb.transactWriteItems(r);
                case software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest r ->
                        dynamoDb.transactGetItems(r);
                case software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest r ->
                        dynamoDb.executeStatement(r);
                case software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest r ->
                        dynamoDb.batchExecuteStatement(r);
                case software.amazon.awssdk.services.sqs.model.SendMessageRequest r -> sqs.sendMessage(r);
                case software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest r -> sqs.sendMessageBatch(r);
                case ReceiveMessageRequest r -> sqs.receiveMessage(r);
                case software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest r ->
                        sqs.deleteMessageBatch(r);
                case software.amazon.awssdk.services.sqs.model.DeleteMessageRequest r -> sqs.deleteMessage(r);
                case software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest r ->
                        sqs.changeMessageVisibilityBatch(r);
                case software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest r ->
                        sqs.getQueueAttributes(r);
                default -> null;
            };
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException refused) {
            // answered: a condition or a stale receipt handle
        }
    }

    private static SdkRequest sqsCopy(SqsRequest request, String prefix, Map<String, String> queues, SqsClient sqs) {
        SdkRequest copy = request;
        if (copy instanceof ReceiveMessageRequest receive) {
            copy = receive.toBuilder().waitTimeSeconds(0).build();
        }
        return (SdkRequest) setString(copy, "QueueUrl", url -> queues.computeIfAbsent(url, original -> {
            String name = original.substring(original.lastIndexOf('/') + 1);
            return sqs.createQueue(b -> b.queueName(prefix + name)).queueUrl();
        }));
    }

    private static String table(String name, String prefix, Map<String, String> names, DynamoDbClient dynamoDb) {
        return names.computeIfAbsent(name, original -> {
            TableDescription table = dynamoDb.describeTable(b -> b.tableName(original)).table();
            String copy = prefix + original;
            dynamoDb.createTable(b -> {
                b.tableName(copy).keySchema(table.keySchema()).attributeDefinitions(table.attributeDefinitions())
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                if (table.hasGlobalSecondaryIndexes() && !table.globalSecondaryIndexes().isEmpty()) {
                    b.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(index ->
                            GlobalSecondaryIndex.builder().indexName(index.indexName()).keySchema(index.keySchema())
                                    .projection(index.projection()).build()).toList());
                }
            });
            return copy;
        });
    }

    /** Table names in a request: the TableName fields, RequestItems' keys and PartiQL statements' quoted names. */
    private static final Set<String> TABLE_FIELDS = Set.of("TableName");
    private static final Set<String> TABLE_MAPS = Set.of("RequestItems");

    interface Rename {
        String apply(String table);
    }

    /** A copy of a model object with every table name renamed, however deep it sits. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object rewrite(Object value, Rename rename) {
        if (value instanceof SdkPojo pojo && value instanceof ToCopyableBuilder<?, ?> copyable) {
            Object builder = copyable.toBuilder();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object fieldValue = field.getValueOrDefault(value);
                if (fieldValue == null) {
                    continue;
                }
                Object renamed;
                if (TABLE_FIELDS.contains(field.memberName()) && fieldValue instanceof String name) {
                    renamed = rename.apply(name);
                } else if (field.memberName().equals("Statement") && fieldValue instanceof String statement) {
                    renamed = statementWithTable(statement, rename);
                } else if (TABLE_MAPS.contains(field.memberName()) && fieldValue instanceof Map<?, ?> map) {
                    Map<Object, Object> copy = new LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(rename.apply((String) k), rewrite(v, rename)));
                    renamed = copy;
                } else {
                    renamed = rewrite(fieldValue, rename);
                }
                if (renamed != fieldValue) {
                    ((SdkField) field).set(builder, renamed);
                }
            }
            return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
        }
        if (value instanceof List<?> list && list.stream().anyMatch(e -> e instanceof SdkPojo)) {
            return list.stream().map(e -> rewrite(e, rename)).toList();
        }
        return value;
    }

    private static String statementWithTable(String statement, Rename rename) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?i)^(\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|SELECT\\s+.*?\\s+FROM)\\s+\")([^\"]+)(\")")
                .matcher(statement);
        return m.find() ? m.group(1) + rename.apply(m.group(2)) + m.group(3) + statement.substring(m.end()) : statement;
    }

    private static Object setString(SdkRequest request, String member, Rename change) {
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals(member) && field.getValueOrDefault(request) instanceof String value) {
                SdkRequest.Builder builder = request.toBuilder();
                ((SdkField) field).set(builder, change.apply(value));
                return builder.build();
            }
        }
        return request;
    }
}
