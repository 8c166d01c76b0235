package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Erases everything in the person's partition of the enrolments table ({@link EnrolmentItems}): their
 * enrolments (with behaviour summaries and answers received) and their frequency-cap counters. Journey
 * result counters live in the journey's partition and hold no personal data, so they stay. An enrolment a
 * worker was about to advance is simply gone when it loads it.
 */
@Singleton
@io.micronaut.core.annotation.Order(10)
@Requires(property = "enrolments.table")
public class DynamoDbEnrolmentErasure implements PersonalData {

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
        return BatchDeletes.deleteQueried(dynamoDb, table, null, EnrolmentItems.PK,
                EnrolmentItems.personPk(tenant, contactId), List.of(EnrolmentItems.PK, EnrolmentItems.SK));
    }
}
