package no.dialog.aws.landing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.IndexedReads;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.PersonLinks;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person's personal links ({@link DynamoDbLinkStore}'s items), found through the keys-only {@code byContact}
 * index. Sealed values are named (submission and question), never read out: their ciphertext stays here.
 */
@Singleton
@Requires(property = "landing.links.table")
public class DynamoDbPersonLinks implements PersonLinks {

    private static final String SEALED = "sealed:";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPersonLinks(DynamoDbClient dynamoDb, @Value("${landing.links.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<PersonExport.LinkRecord> ofContact(TenantId tenant, String contactId) {
        return IndexedReads.itemsOfIndex(dynamoDb, table, "byContact", "contactKey", tenant.value() + "#" + contactId,
                        List.of("pk")).stream()
                .filter(item -> tenant.value().equals(item.get("tenant").s()))
                .map(DynamoDbPersonLinks::link)
                .sorted(Comparator.comparing(PersonExport.LinkRecord::expiresAt))
                .toList();
    }

    private static PersonExport.LinkRecord link(Map<String, AttributeValue> item) {
        List<String> submissions = item.containsKey("submissions") ? item.get("submissions").ss().stream().sorted().toList()
                : List.of();
        List<PersonExport.SealedValue> sealed = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(SEALED) && value.hasM()) {
                value.m().keySet().stream().sorted().forEach(question ->
                        sealed.add(new PersonExport.SealedValue(name.substring(SEALED.length()), question)));
            }
        });
        return new PersonExport.LinkRecord(item.get("journeyId").s(), Integer.parseInt(item.get("version").n()),
                item.get("stepId").s(), item.get("enrolmentId").s(),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())), submissions,
                item.containsKey("firstUsedAt") ? Instant.parse(item.get("firstUsedAt").s()) : null, sealed);
    }
}
