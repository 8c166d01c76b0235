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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link VippsPaymentStore} in the PaymentsTable ({@code PAYMENTS_TABLE}). Three kinds of item:
 * <pre>
 *   a start        pk = &lt;tenant&gt;#vipps#&lt;reference&gt;                 sk = started
 *                  every field of {@link Started} as an attribute; an ACTIVE agreement with a next charge
 *                  also carries gsi1pk = &lt;tenant&gt;#agreements-due, gsi1sk = &lt;nextChargeDue&gt;#&lt;reference&gt;
 *                  (sparse: nothing else is in that index partition); contactKey = &lt;tenant&gt;#&lt;contactId&gt;
 *                  for the keys-only index byContact (the person's starts, for erasure)
 *   an agreement   pk = &lt;tenant&gt;#vipps-agreement#&lt;agreementId&gt;      sk = agreement
 *                  reference: points to the start (written when the start first has an agreementId)
 *   a charge       pk = &lt;tenant&gt;#vipps-charge#&lt;agreementId&gt;#&lt;due&gt;  sk = charge
 *                  every field of {@link Charge}; gsi1pk = &lt;tenant&gt;#vipps-charge-id#&lt;chargeId&gt;,
 *                  gsi1sk = charge (once it has a charge id)
 * </pre>
 * An item has one index key, and the start of an active agreement needs its place in the due list, so the
 * agreement id leads to the start through a pointer item instead of the index: a plain, consistent read,
 * which also means the webhook that follows the creation of an agreement at once finds it. Nothing expires:
 * a start is how a late webhook or a person's return finds its journey step, and an agreement lives for years.
 * Fields are stored generically ({@link PaymentItems}), so a field added to {@code Started} or {@code Charge}
 * is stored with no change here.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbVippsPaymentStore implements VippsPaymentStore {

    static final String ACTIVE = "ACTIVE";
    private static final String STARTED = "started";
    private static final String AGREEMENT = "agreement";
    private static final String CHARGE = "charge";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbVippsPaymentStore(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean create(TenantId tenant, Started started) {
        if (!PaymentItems.putIfAbsent(dynamoDb, table, startItem(tenant, started))) {
            return false;
        }
        pointToAgreement(tenant, started);
        return true;
    }

    @Override
    public Optional<Started> find(TenantId tenant, String reference) {
        return PaymentItems.get(dynamoDb, table, startPk(tenant, reference), STARTED)
                .map(item -> PaymentItems.record(item, Started.class));
    }

    @Override
    public Optional<Started> findByAgreement(TenantId tenant, String agreementId) {
        return PaymentItems.get(dynamoDb, table, agreementPk(tenant, agreementId), AGREEMENT)
                .flatMap(item -> find(tenant, item.get("reference").s()));
    }

    @Override
    public void update(TenantId tenant, Started started) {
        // A whole put: the due-list keys go when the agreement stops or has no next charge.
        PaymentItems.replace(dynamoDb, table, startItem(tenant, started), "Vipps start with reference "
                + started.reference());
        pointToAgreement(tenant, started);
    }

    @Override
    public List<Started> agreementsDueBy(TenantId tenant, LocalDate dueBy) {
        List<Started> due = new ArrayList<>();
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :due AND gsi1sk < :after")
                .expressionAttributeValues(Map.of(":due", s(dueKey(tenant)),
                        ":after", s(dueBy.plusDays(1).toString())))
                .build(), Integer.MAX_VALUE, item -> due.add(PaymentItems.record(item, Started.class)));
        return due;
    }

    @Override
    public boolean addCharge(TenantId tenant, Charge charge) {
        return PaymentItems.putIfAbsent(dynamoDb, table, chargeItem(tenant, charge));
    }

    @Override
    public Optional<Charge> findCharge(TenantId tenant, String chargeId) {
        List<Charge> found = new ArrayList<>();
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :charge")
                .expressionAttributeValues(Map.of(":charge", s(chargeKey(tenant, chargeId)))).build(), 1,
                item -> found.add(PaymentItems.record(item, Charge.class)));
        return found.stream().findFirst();
    }

    @Override
    public void updateCharge(TenantId tenant, Charge charge) {
        PaymentItems.replace(dynamoDb, table, chargeItem(tenant, charge), "charge on agreement "
                + charge.agreementId() + " due " + charge.due());
    }

    private static Map<String, AttributeValue> startItem(TenantId tenant, Started started) {
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.attributes(started));
        item.put(PK, s(startPk(tenant, started.reference())));
        item.put(SK, s(STARTED));
        // The person's starts, for erasure (DynamoDbPaymentErasure); sparse index byContact, keys only.
        item.put(DynamoDbPaymentErasure.CONTACT_KEY, s(contactKey(tenant, started.contactId())));
        if (started.monthly() && ACTIVE.equals(started.state()) && started.nextChargeDue() != null) {
            item.put(GSI1PK, s(dueKey(tenant)));
            item.put(GSI1SK, s(started.nextChargeDue() + "#" + started.reference()));
        }
        return item;
    }

    /** The agreement id never changes once Vipps gave it, so writing the pointer again is harmless. */
    private void pointToAgreement(TenantId tenant, Started started) {
        if (started.agreementId() == null) {
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.key(agreementPk(tenant, started.agreementId()),
                AGREEMENT));
        item.put("reference", s(started.reference()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> chargeItem(TenantId tenant, Charge charge) {
        if (charge.agreementId() == null || charge.due() == null) {
            throw new IllegalArgumentException("a charge needs its agreement id and due date");
        }
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.attributes(charge));
        item.put(PK, s(tenant.value() + "#vipps-charge#" + charge.agreementId() + "#" + charge.due()));
        item.put(SK, s(CHARGE));
        if (charge.chargeId() != null) {
            item.put(GSI1PK, s(chargeKey(tenant, charge.chargeId())));
            item.put(GSI1SK, s(CHARGE));
        }
        return item;
    }

    /** Where the byContact index finds a person's starts: {@code <tenant>#<contactId>}. */
    static String contactKey(TenantId tenant, String contactId) {
        return tenant.value() + "#" + contactId;
    }

    private static String startPk(TenantId tenant, String reference) {
        return tenant.value() + "#vipps#" + reference;
    }

    private static String agreementPk(TenantId tenant, String agreementId) {
        return tenant.value() + "#vipps-agreement#" + agreementId;
    }

    private static String dueKey(TenantId tenant) {
        return tenant.value() + "#agreements-due";
    }

    private static String chargeKey(TenantId tenant, String chargeId) {
        return tenant.value() + "#vipps-charge-id#" + chargeId;
    }
}
