package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.privacy.export.ErasedContacts;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads {@code erasedAt} from a contact's tombstone ({@link DynamoDbContactErasure} writes it). */
@Singleton
@Requires(property = "contacts.table")
public class DynamoDbErasedContacts implements ErasedContacts {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbErasedContacts(DynamoDbClient dynamoDb, @Value("${contacts.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Instant> erasedAt(TenantId tenant, String contactId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ContactItems.PK, AttributeValue.fromS(ContactItems.pk(tenant, contactId))))
                .projectionExpression(DynamoDbContactErasure.ERASED_AT)).item();
        if (item == null || !item.containsKey(DynamoDbContactErasure.ERASED_AT)) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(item.get(DynamoDbContactErasure.ERASED_AT).s()));
    }
}
