package no.dialog.aws.payment;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.IndexedReads;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.PersonPayments;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the PaymentsTable holds about a person: ledger entries through the {@code byKey} index (the ledger's
 * own {@link PaymentLedger#forContact}); the waiting payments staff matched to them, by the ledger entries'
 * payment ids (a confirmed payment keeps its id); giver candidates by the digest of the person's phone, the
 * candidates' key. Open unmatched payments from the person's phone are not found: that index is by tenant
 * and time, not by payer.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbPersonPayments implements PersonPayments {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final PaymentLedger ledger;

    public DynamoDbPersonPayments(DynamoDbClient dynamoDb, @Value("${payments.table}") String table, PaymentLedger ledger) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ledger = ledger;
    }

    @Override
    public List<RegisteredPayment> ofContact(TenantId tenant, String contactId) {
        return ledger.forContact(tenant, contactId);
    }

    @Override
    public List<UnmatchedPayment> unmatched(TenantId tenant, List<String> paymentIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String paymentId : paymentIds) {
            keys.add(PaymentItems.key(DynamoDbUnmatchedPayments.pk(tenant, paymentId), DynamoDbUnmatchedPayments.UNMATCHED));
        }
        return IndexedReads.batchGet(dynamoDb, table, keys).stream()
                .map(item -> PaymentItems.record(item, UnmatchedPayment.class))
                .sorted(java.util.Comparator.comparing(UnmatchedPayment::receivedAt).reversed())
                .toList();
    }

    @Override
    public List<PersonExport.GiverCandidate> candidatesByPhone(TenantId tenant, String e164) {
        return PaymentItems.get(dynamoDb, table, DynamoDbGiverCandidates.pk(tenant, e164), DynamoDbGiverCandidates.SK_CANDIDATE)
                .map(item -> List.of(new PersonExport.GiverCandidate(item.get("contactId").s(), item.get("phone").s(),
                        item.containsKey("name") ? item.get("name").s() : null,
                        item.containsKey("matches") ? item.get("matches").l().stream().map(AttributeValue::s).toList() : List.of(),
                        Instant.parse(item.get("createdAt").s()))))
                .orElse(List.of());
    }
}
