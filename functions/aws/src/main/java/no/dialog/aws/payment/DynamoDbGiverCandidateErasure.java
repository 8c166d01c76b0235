package no.dialog.aws.payment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Map;
import no.dialog.core.privacy.ErasureSubject;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Deletes the giver candidates made from the person's phone numbers (payer name and phone, and the contacts
 * the number matched). A candidate is keyed by its number ({@link DynamoDbGiverCandidates}), so it is found
 * through the numbers the contact had when the erasure was asked for ({@link ErasureSubject}); given only a
 * contact id there is nothing to find. The candidate's own contact ({@code candidate-…}) and its payments are
 * a contact of their own: erasing it is an erasure of that id (docs/privacy.md).
 */
@Singleton
@Order(-20)
@Requires(property = "payments.table")
public class DynamoDbGiverCandidateErasure implements PersonalData {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbGiverCandidateErasure(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "giver-candidates";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        return erase(tenant, ErasureSubject.of(contactId));
    }

    @Override
    public long erase(TenantId tenant, ErasureSubject subject) {
        long deleted = 0;
        for (String phone : subject.phones()) {
            String e164 = DynamoDbUnmatchedPayments.e164(phone);
            if (e164 == null) {
                continue;
            }
            Map<String, AttributeValue> old = dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(PaymentItems.key(DynamoDbGiverCandidates.pk(tenant, e164), "candidate"))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            deleted += old == null || old.isEmpty() ? 0 : 1;
        }
        return deleted;
    }
}
