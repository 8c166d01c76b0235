package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.dialog.core.privacy.export.PersonMessages;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person's entries in the send ledger: the keys-only {@code byContact} index ({@code contactKey} =
 * {@code tenant#contactId}), then the entries themselves, oldest first. Entries written before the index
 * existed carry no {@code contactKey} and are not found; they expire within 90 days.
 */
@Singleton
@Requires(property = "send.ledger.table")
public class DynamoDbPersonMessages implements PersonMessages {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPersonMessages(DynamoDbClient dynamoDb, @Value("${send.ledger.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<LedgerEntry> ofContact(TenantId tenant, String contactId) {
        return IndexedReads.itemsOfIndex(dynamoDb, table, "byContact", "contactKey", tenant.value() + "#" + contactId,
                        List.of("pk")).stream()
                // The index key names the tenant; the check keeps a foreign item out should one ever carry it.
                .filter(item -> tenant.value().equals(text(item, "tenant")))
                .map(DynamoDbPersonMessages::entry)
                .sorted(Comparator.comparing(LedgerEntry::createdAt).thenComparing(LedgerEntry::key))
                .toList();
    }

    private static LedgerEntry entry(Map<String, AttributeValue> item) {
        return new LedgerEntry(item.get("pk").s(), text(item, "tenant"), text(item, "channel"),
                SendState.valueOf(item.get("state").s()), text(item, "providerMessageId"),
                item.containsKey("parts") ? Integer.valueOf(item.get("parts").n()) : null, text(item, "reason"),
                Integer.parseInt(item.get("attempts").n()), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()), text(item, "contactId"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
