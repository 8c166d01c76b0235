package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.BY_KEY;
import static no.dialog.aws.payment.PaymentItems.GSI1PK;
import static no.dialog.aws.payment.PaymentItems.GSI1SK;
import static no.dialog.aws.payment.PaymentItems.PK;
import static no.dialog.aws.payment.PaymentItems.SK;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.privacy.Retention;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link UnmatchedPayments} in the PaymentsTable ({@code PAYMENTS_TABLE}), one item per payment:
 * <pre>
 *   pk = &lt;tenant&gt;#unmatched#&lt;paymentId&gt;    sk = unmatched
 *   every field of {@link UnmatchedPayment} (payer as a map, message; personal data, never logged);
 *   while open: gsi1pk = &lt;tenant&gt;#unmatched#open, gsi1sk = &lt;receivedAt, UTC, 9 fraction digits&gt;#&lt;paymentId&gt;
 * </pre>
 * A decision (confirmed or rejected) rewrites the item without the index keys, so the open list holds only
 * what staff still have to look at, and sets {@code expiresAt} (TTL) {@link Retention#DECIDED_UNMATCHED_PAYMENT}
 * on: the money is in the payment ledger and the decision in the audit log, so the payer's details go.
 * A payment with a payer phone number also carries {@code contactKey = <tenant>#phone#<SHA-256 of the E.164
 * number, base64url>} for the keys-only index {@code byContact}, through which an erasure finds the
 * payments of a person's number ({@link DynamoDbUnmatchedPaymentErasure}).
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbUnmatchedPayments implements UnmatchedPayments {

    static final String OPEN = "open";
    static final String UNMATCHED = "unmatched";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    @Inject
    public DynamoDbUnmatchedPayments(DynamoDbClient dynamoDb, @Value("${payments.table}") String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** On the system clock, for tools and tests. */
    public DynamoDbUnmatchedPayments(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Clock.systemUTC());
    }

    @Override
    public boolean add(TenantId tenant, UnmatchedPayment payment) {
        return PaymentItems.putIfAbsent(dynamoDb, table, item(tenant, payment));
    }

    @Override
    public Optional<UnmatchedPayment> find(TenantId tenant, String paymentId) {
        return PaymentItems.get(dynamoDb, table, pk(tenant, paymentId), UNMATCHED)
                .map(item -> PaymentItems.record(item, UnmatchedPayment.class));
    }

    /**
     * One page of the open index, newest first; the page's key is the last payment's {@code gsi1sk}, from
     * which the whole start key (table and index keys) is rebuilt. One item more than the page is read, so
     * a full last page says it is the last.
     */
    @Override
    public Page<UnmatchedPayment> open(TenantId tenant, PageRequest request) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :open")
                .expressionAttributeValues(Map.of(":open", s(openKey(tenant))))
                .scanIndexForward(false).limit(request.limit() + 1);
        if (request.after() != null) {
            query.exclusiveStartKey(startKey(tenant, request.after()));
        }
        List<UnmatchedPayment> open = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        PaymentItems.query(dynamoDb, query.build(), request.limit() + 1, item -> {
            open.add(PaymentItems.record(item, UnmatchedPayment.class));
            keys.add(item.get(GSI1SK).s());
        });
        if (open.size() <= request.limit()) {
            return new Page<>(open, Optional.empty(), request.limit());
        }
        return new Page<>(open.subList(0, request.limit()), Optional.of(keys.get(request.limit() - 1)), request.limit());
    }

    /** The index's start key after {@code after}, a {@code gsi1sk} this class gave: {@code <receivedAt>#<paymentId>}. */
    private static Map<String, AttributeValue> startKey(TenantId tenant, String after) {
        int hash = after.lastIndexOf('#');
        if (hash < 1 || hash == after.length() - 1) {
            throw new IllegalArgumentException("not a key of the open payments list");
        }
        String paymentId = after.substring(hash + 1);
        return Map.of(PK, s(pk(tenant, paymentId)), SK, s(UNMATCHED), GSI1PK, s(openKey(tenant)), GSI1SK, s(after));
    }

    @Override
    public void update(TenantId tenant, UnmatchedPayment payment) {
        Map<String, AttributeValue> item = item(tenant, payment);
        if (!OPEN.equals(payment.status())) {
            item.put(PaymentItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                    clock.instant().plus(Retention.DECIDED_UNMATCHED_PAYMENT).getEpochSecond())));
        }
        PaymentItems.replace(dynamoDb, table, item, "unmatched payment " + payment.paymentId());
    }

    private static Map<String, AttributeValue> item(TenantId tenant, UnmatchedPayment payment) {
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.attributes(payment));
        item.put(PK, s(pk(tenant, payment.paymentId())));
        item.put(SK, s(UNMATCHED));
        String phone = e164(payment.payer().phone());
        if (phone != null) {
            item.put(DynamoDbPaymentErasure.CONTACT_KEY, s(phoneKey(tenant, phone)));
        }
        if (OPEN.equals(payment.status())) {
            item.put(GSI1PK, s(openKey(tenant)));
            item.put(GSI1SK, s(PaymentItems.sortable(payment.receivedAt()) + "#" + payment.paymentId()));
        }
        return item;
    }

    /** Where the byContact index finds the payments of a phone number. */
    static String phoneKey(TenantId tenant, String e164) {
        return tenant.value() + "#phone#" + PaymentItems.digest(e164);
    }

    /** The number as E.164 (as contacts hold it), or null when there is none or it is no number. */
    static String e164(String phone) {
        return phone == null || phone.isBlank() ? null : PhoneNumbers.toE164(phone).orElse(null);
    }

    static String pk(TenantId tenant, String paymentId) {
        return tenant.value() + "#unmatched#" + paymentId;
    }

    static String openKey(TenantId tenant) {
        return tenant.value() + "#unmatched#open";
    }
}
