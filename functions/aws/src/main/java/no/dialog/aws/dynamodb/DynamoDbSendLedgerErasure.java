package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Erases the person's entries in the send ledger, found through its {@code byContact} index. A send request
 * for them still in a queue finds no ledger entry, but it finds no contact either (the contact store is
 * erased first), so nothing is sent.
 */
@Singleton
@io.micronaut.core.annotation.Order(20)
@Requires(property = "send.ledger.table")
public class DynamoDbSendLedgerErasure implements PersonalData {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSendLedgerErasure(DynamoDbClient dynamoDb, @Value("${send.ledger.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "send-ledger";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        return BatchDeletes.deleteQueried(dynamoDb, table, "byContact", "contactKey",
                tenant.value() + "#" + contactId, List.of("pk"));
    }
}
