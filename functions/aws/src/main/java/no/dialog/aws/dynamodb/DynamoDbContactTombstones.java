package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.privacy.export.ContactTombstones;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A contact's tombstone in the contacts table: the register's deletion ({@link ContactItems#tombstone}, its time
 * in {@code ord}) or an erasure ({@link DynamoDbContactErasure}, which adds {@code erasedAt}).
 */
@Singleton
@Requires(property = "contacts.table")
public class DynamoDbContactTombstones implements ContactTombstones {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbContactTombstones(DynamoDbClient dynamoDb, @Value("${contacts.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Tombstone> find(TenantId tenant, String contactId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ContactItems.PK, AttributeValue.fromS(ContactItems.pk(tenant, contactId))))).item();
        if (item == null || item.isEmpty() || !ContactItems.isTombstone(item)) {
            return Optional.empty();
        }
        AttributeValue erasedAt = item.get(DynamoDbContactErasure.ERASED_AT);
        return Optional.of(new Tombstone(Instant.ofEpochMilli(Long.parseLong(item.get(ContactItems.ORD).n())),
                erasedAt == null ? null : Instant.parse(erasedAt.s())));
    }
}
