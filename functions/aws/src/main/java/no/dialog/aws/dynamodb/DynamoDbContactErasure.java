package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erases the contact item: it becomes a tombstone with only the ids, the time of the erasure
 * ({@code erasedAt}) and no TTL. Readers see a deleted contact, so senders find nobody; its order value is
 * the later of now and the item's, so a register change made before the erasure and delivered after it is
 * refused as stale instead of bringing the person back.
 */
@Singleton
@Order(0)
@Requires(property = "contacts.table")
public class DynamoDbContactErasure implements PersonalData {

    static final String ERASED_AT = "erasedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbContactErasure(DynamoDbClient dynamoDb, @Value("${contacts.table}") String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public String store() {
        return "contacts";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        Map<String, AttributeValue> key = Map.of(ContactItems.PK, AttributeValue.fromS(ContactItems.pk(tenant, contactId)));
        Map<String, AttributeValue> found = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        // The SDK answers an empty map for a missing item.
        Map<String, AttributeValue> old = found == null || found.isEmpty() ? null : found;
        if (old != null && old.containsKey(ERASED_AT)) {
            return 0;
        }
        long now = clock.millis();
        long ord = old == null || !old.containsKey(ContactItems.ORD) ? now
                : Math.max(now, Long.parseLong(old.get(ContactItems.ORD).n()));
        Map<String, AttributeValue> tombstone = new HashMap<>(key);
        tombstone.put("tenant", AttributeValue.fromS(tenant.value()));
        tombstone.put("contactId", AttributeValue.fromS(contactId));
        tombstone.put(ContactItems.ORD, AttributeValue.fromN(Long.toString(ord)));
        tombstone.put(ContactItems.HASH, AttributeValue.fromS(ContactItems.TOMBSTONE_HASH));
        tombstone.put(ContactItems.DELETED, AttributeValue.fromBool(true));
        tombstone.put(ERASED_AT, AttributeValue.fromS(clock.instant().toString()));
        ContactItems.stampChange(tombstone, tenant, contactId, now);
        dynamoDb.putItem(b -> b.tableName(table).item(tombstone));
        return old == null || ContactItems.isTombstone(old) ? 0 : 1;
    }
}
