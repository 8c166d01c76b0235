package no.dialog.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * DynamoDB Local behind a client that counts the calls, and that can throttle chosen statements of a
 * {@code BatchExecuteStatement} as DynamoDB does under load: the call succeeds, those statements are not
 * run (they never reach DynamoDB Local) and their answers carry {@code ThrottlingError}; the others run.
 */
final class PartiqlCallsClient implements DynamoDbClient {

    private final DynamoDbClient dynamoDb;
    /** Every BatchExecuteStatement call's statements, as sent. */
    final List<List<BatchStatementRequest>> batchCalls = new CopyOnWriteArrayList<>();
    /** The other calls' operation names, in order. */
    final List<String> singleCalls = new CopyOnWriteArrayList<>();
    /** (call number from 0, statement) → throttle it. */
    volatile BiPredicate<Integer, BatchStatementRequest> throttle = (call, statement) -> false;

    PartiqlCallsClient(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        int call = batchCalls.size();
        batchCalls.add(request.statements());
        List<BatchStatementRequest> passed = new ArrayList<>();
        boolean[] throttled = new boolean[request.statements().size()];
        for (int i = 0; i < throttled.length; i++) {
            throttled[i] = throttle.test(call, request.statements().get(i));
            if (!throttled[i]) {
                passed.add(request.statements().get(i));
            }
        }
        List<BatchStatementResponse> answered = passed.isEmpty() ? List.of()
                : dynamoDb.batchExecuteStatement(request.toBuilder().statements(passed).build()).responses();
        List<BatchStatementResponse> responses = new ArrayList<>();
        int next = 0;
        for (boolean skipped : throttled) {
            responses.add(!skipped ? answered.get(next++)
                    : BatchStatementResponse.builder().error(BatchStatementError.builder()
                            .code(BatchStatementErrorCodeEnum.THROTTLING_ERROR).message("Throughput exceeds the limit")
                            .build()).build());
        }
        return BatchExecuteStatementResponse.builder().responses(responses).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        singleCalls.add("PutItem");
        return dynamoDb.putItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        singleCalls.add("UpdateItem");
        return dynamoDb.updateItem(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        singleCalls.add("BatchGetItem");
        return dynamoDb.batchGetItem(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        singleCalls.add("GetItem");
        return dynamoDb.getItem(request);
    }

    /** Whether {@code statement} is about {@code key} (it is one of its parameters). */
    static boolean names(BatchStatementRequest statement, String key) {
        return statement.parameters().stream().anyMatch(p -> key.equals(p.s()));
    }

    @Override
    public String serviceName() {
        return dynamoDb.serviceName();
    }

    @Override
    public void close() {
    }
}
