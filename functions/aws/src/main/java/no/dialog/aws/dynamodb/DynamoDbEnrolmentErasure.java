package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Erases everything in the person's partition of the enrolments table ({@link EnrolmentItems}): their
 * enrolments (with behaviour summaries and answers received) and their frequency-cap counters. Journey
 * result counters live in the journey's partition and hold no personal data, so they stay. An enrolment a
 * worker was about to advance is simply gone when it loads it.
 */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbEnrolmentErasure implements PersonalData {

    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbEnrolmentErasure(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "enrolments";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        String pk = EnrolmentItems.personPk(tenant, contactId);
        List<WriteRequest> deletes = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                        .projectionExpression("pk, sk").consistentRead(true))
                .items()
                .forEach(item -> deletes.add(WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(Map.of(EnrolmentItems.PK, item.get(EnrolmentItems.PK),
                                EnrolmentItems.SK, item.get(EnrolmentItems.SK))).build())
                        .build()));
        for (int from = 0; from < deletes.size(); from += BATCH) {
            List<WriteRequest> batch = deletes.subList(from, Math.min(from + BATCH, deletes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            // DynamoDB may hand back what it did not get to (throttling): send that again until none is left.
            while (!pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
                pending = response.unprocessedItems();
            }
        }
        return deletes.size();
    }
}
