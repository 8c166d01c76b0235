package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.enrolment.ResultCounts;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ResultCounts} in the enrolments table's result items ({@link ResultItems}): one {@code UpdateItem ADD}
 * per counter item the keys fall in, on a random one of the journey's result partitions so that senders working
 * the same step in parallel spread their writes (ADR 0035). Functions get {@code UpdateItem} on the table only for the results partitions
 * (template.yaml: a {@code dynamodb:LeadingKeys} condition), never on a person's enrolments.
 */
@Singleton
@Requires(property = "results.table")
public class DynamoDbResultCounts implements ResultCounts {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbResultCounts(DynamoDbClient dynamoDb, @Value("${results.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void add(TenantId tenant, List<ResultKey> keys, Instant at) {
        ResultItems.add(dynamoDb, table, tenant, keys, at);
    }
}
