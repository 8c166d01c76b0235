package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.BY_KEY;
import static no.dialog.aws.payment.PaymentItems.PK;
import static no.dialog.aws.payment.PaymentItems.SK;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.dialog.aws.dynamodb.BatchDeletes;
import no.dialog.core.privacy.ErasureSubject;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Deletes the unmatched payments (payer name, phone and account, message) paid from the person's phone
 * numbers. An unmatched payment names no contact (that is why it is unmatched), so it is found by the numbers
 * the contact had when the erasure was asked for ({@link ErasureSubject}): through the keys-only index
 * {@code byContact} ({@code contactKey = <tenant>#phone#<digest>}), and, for payments written before that key
 * existed, by reading the tenant's open list (staff's work list, which is short) and comparing payer numbers.
 * A decided payment from before the key is not found; a payment with no payer number (a giro) cannot be tied
 * to the person and stays. Deleted rather than pseudonymised: the accounting record of the money is the
 * bank's and the register's; this item is staff's work list, and a payment Dialog registered after a match
 * is in the ledger, which keeps it pseudonymised.
 */
@Singleton
@Order(-10)
@Requires(property = "payments.table")
public class DynamoDbUnmatchedPaymentErasure implements PersonalData {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUnmatchedPaymentErasure(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String store() {
        return "unmatched-payments";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        return erase(tenant, ErasureSubject.of(contactId));
    }

    @Override
    public long erase(TenantId tenant, ErasureSubject subject) {
        Set<String> phones = subject.phones().stream().map(DynamoDbUnmatchedPayments::e164)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (phones.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (String phone : phones) {
            PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table)
                    .indexName(DynamoDbPaymentErasure.BY_CONTACT).keyConditionExpression("contactKey = :phone")
                    .expressionAttributeValues(Map.of(":phone", s(DynamoDbUnmatchedPayments.phoneKey(tenant, phone))))
                    .build(), Integer.MAX_VALUE, item -> keys.put(item.get(PK).s(), key(item)));
        }
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :open")
                .expressionAttributeValues(Map.of(":open", s(DynamoDbUnmatchedPayments.openKey(tenant))))
                .build(), Integer.MAX_VALUE, item -> {
                    AttributeValue payer = item.get("payer");
                    AttributeValue phone = payer == null || !payer.hasM() ? null : payer.m().get("phone");
                    if (phone != null && phone.s() != null && phones.contains(DynamoDbUnmatchedPayments.e164(phone.s()))) {
                        keys.put(item.get(PK).s(), key(item));
                    }
                });
        // The index may answer a moment late: delete only what is still there, and count that.
        List<Map<String, AttributeValue>> present = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys.values()) {
            if (PaymentItems.get(dynamoDb, table, key.get(PK).s(), key.get(SK).s()).isPresent()) {
                present.add(key);
            }
        }
        BatchDeletes.delete(dynamoDb, table, present);
        return present.size();
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }
}
