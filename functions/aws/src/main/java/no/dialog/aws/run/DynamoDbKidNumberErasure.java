package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Map;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Forgets the person's KID number ({@link DynamoDbTenantNumbers}: {@code contact#<id>} and its reverse
 * {@code contact-number#<n>}). The number is in every KID printed on the person's giros, and the pseudonymised
 * payments keep their KID: with the mapping, a KID would lead back to the contact id, so it goes. A giro paid
 * with the person's KID after the erasure names no contact and waits for staff as an unmatched payment, as any
 * unknown KID does. The counter is not wound back, so the number is never given to anyone else. The reverse
 * entry goes first, on the condition that it names the person, so a crash between the two deletes is finished
 * by the next run; a second erasure finds no number and counts 0. (A reverse entry written by the loser of two
 * workers numbering the person at the same moment points to the person too, but no KID carries its number.)
 */
@Singleton
@Order(100)
@Requires(property = "run.files.table")
public class DynamoDbKidNumberErasure implements PersonalData {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbKidNumberErasure(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "kid-numbers";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        Map<String, AttributeValue> forward = DynamoDbTenantNumbers.key(tenant, "contact#" + contactId);
        Map<String, AttributeValue> found = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(forward)).item();
        if (found == null || found.isEmpty()) {
            return 0;
        }
        long erased = 0;
        String number = found.get("number").n();
        try {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(DynamoDbTenantNumbers.key(tenant, "contact-number#" + number))
                    .conditionExpression("attribute_not_exists(pk) OR id = :person")
                    .expressionAttributeValues(Map.of(":person", AttributeValue.fromS(contactId)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            erased += old == null || old.isEmpty() ? 0 : 1;
        } catch (ConditionalCheckFailedException e) {
            // The number leads to someone else: not the person's to erase.
        }
        dynamoDb.deleteItem(b -> b.tableName(table).key(forward));
        return erased + 1;
    }
}
