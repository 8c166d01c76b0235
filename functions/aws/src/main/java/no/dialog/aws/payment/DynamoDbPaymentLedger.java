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
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
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

    /**
     * One page of the contact's index entries, newest first; the page key is the last entry's
     * {@code gsi1sk} ({@code <receivedAt>#<paymentId>}), from which the start key is rebuilt. One entry more
     * than the page is read, so a full last page says it is the last.
     */
    @Override
    public Page<RegisteredPayment> forContact(TenantId tenant, String contactId, PageRequest request) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :contact")
                .expressionAttributeValues(Map.of(":contact", s(contactKey(tenant, contactId))))
                .scanIndexForward(false).limit(request.limit() + 1);
        if (request.after() != null) {
            int hash = request.after().lastIndexOf('#');
            if (hash < 1 || hash == request.after().length() - 1) {
                throw new IllegalArgumentException("not a key of this contact's payments");
            }
            query.exclusiveStartKey(Map.of(PK, s(pk(tenant, request.after().substring(hash + 1))), SK, s(ENTRY),
                    GSI1PK, s(contactKey(tenant, contactId)), GSI1SK, s(request.after())));
        }
        List<RegisteredPayment> payments = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        PaymentItems.query(dynamoDb, query.build(), request.limit() + 1, item -> {
            payments.add(PaymentItems.record(item, RegisteredPayment.class));
            keys.add(item.get(GSI1SK).s());
        });
        if (payments.size() <= request.limit()) {
            return new Page<>(payments, Optional.empty(), request.limit());
        }
        return new Page<>(payments.subList(0, request.limit()), Optional.of(keys.get(request.limit() - 1)), request.limit());
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        AttributeValue settled = item.get(SETTLED);
        return new Entry(PaymentItems.record(item, RegisteredPayment.class),
                settled != null && Boolean.TRUE.equals(settled.bool()));
    }

    private static String pk(TenantId tenant, String paymentId) {
        return tenant.value() + "#payment#" + paymentId;
    }

    static String contactKey(TenantId tenant, String contactId) {
        return tenant.value() + "#contact#" + contactId;
    }
}
