package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.BY_KEY;
import static no.dialog.aws.payment.PaymentItems.GSI1PK;
import static no.dialog.aws.payment.PaymentItems.GSI1SK;
import static no.dialog.aws.payment.PaymentItems.PK;
import static no.dialog.aws.payment.PaymentItems.SK;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link PaymentLedger} in the PaymentsTable ({@code PAYMENTS_TABLE}), one item per payment:
 * <pre>
 *   pk     = &lt;tenant&gt;#payment#&lt;paymentId&gt;     sk = entry
 *   gsi1pk = &lt;tenant&gt;#contact#&lt;contactId&gt;     gsi1sk = &lt;receivedAt, UTC, 9 fraction digits&gt;#&lt;paymentId&gt;
 *   settled (BOOL), and the {@link RegisteredPayment}'s fields as attributes (paymentId, kind, source,
 *   contactId, amountOre (N), receivedAt, reference, attribution (M), candidate (BOOL))
 * </pre>
 * Written once ({@code attribute_not_exists(pk)}); never expires (the ledger is the record of money
 * received). One partition per payment, so no tenant's ledger is a hot key; a person's payments are read
 * newest first from the index {@code byKey}, which is eventually consistent (a payment registered a moment
 * ago may be missing from {@link #forContact} for a moment; {@link #find} is consistent).
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbPaymentLedger implements PaymentLedger {

    private static final String SETTLED = "settled";
    private static final String ENTRY = "entry";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPaymentLedger(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean add(TenantId tenant, RegisteredPayment payment) {
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.attributes(payment));
        item.put(PK, s(pk(tenant, payment.paymentId())));
        item.put(SK, s(ENTRY));
        item.put(GSI1PK, s(contactKey(tenant, payment.contactId())));
        item.put(GSI1SK, s(PaymentItems.sortable(payment.receivedAt()) + "#" + payment.paymentId()));
        item.put(SETTLED, AttributeValue.fromBool(false));
        return PaymentItems.putIfAbsent(dynamoDb, table, item);
    }

    @Override
    public Optional<Entry> find(TenantId tenant, String paymentId) {
        return PaymentItems.get(dynamoDb, table, pk(tenant, paymentId), ENTRY).map(DynamoDbPaymentLedger::entry);
    }

    @Override
    public void markSettled(TenantId tenant, String paymentId) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(PaymentItems.key(pk(tenant, paymentId), ENTRY))
                    .updateExpression("SET settled = :true").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException e) {
            // The registrar settles only what it added: a missing entry is a bug, not a race.
            throw new IllegalStateException("no ledger entry " + paymentId + " to mark settled", e);
        }
    }

    @Override
    public List<RegisteredPayment> forContact(TenantId tenant, String contactId) {
        List<RegisteredPayment> payments = new ArrayList<>();
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :contact")
                .expressionAttributeValues(Map.of(":contact", s(contactKey(tenant, contactId))))
                .scanIndexForward(false).build(), Integer.MAX_VALUE,
                item -> payments.add(PaymentItems.record(item, RegisteredPayment.class)));
        return payments;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        AttributeValue settled = item.get(SETTLED);
        return new Entry(PaymentItems.record(item, RegisteredPayment.class),
                settled != null && Boolean.TRUE.equals(settled.bool()));
    }

    private static String pk(TenantId tenant, String paymentId) {
        return tenant.value() + "#payment#" + paymentId;
    }

    private static String contactKey(TenantId tenant, String contactId) {
        return tenant.value() + "#contact#" + contactId;
    }
}
