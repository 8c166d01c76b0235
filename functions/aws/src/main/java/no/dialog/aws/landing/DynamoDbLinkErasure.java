package no.dialog.aws.landing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.aws.dynamodb.BatchDeletes;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Erases the person's personal links with their submissions and sealed national identity numbers, found
 * through the {@code byContact} index. A link opened afterwards is unknown.
 */
@Singleton
@io.micronaut.core.annotation.Order(30)
@Requires(property = "landing.links.table")
public class DynamoDbLinkErasure implements PersonalData {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLinkErasure(DynamoDbClient dynamoDb, @Value("${landing.links.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "landing-links";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        return BatchDeletes.deleteQueried(dynamoDb, table, "byContact", "contactKey",
                tenant.value() + "#" + contactId, List.of("pk"));
    }
}
