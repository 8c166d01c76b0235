package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.BY_KEY;
import static no.dialog.aws.payment.PaymentItems.GSI1PK;
import static no.dialog.aws.payment.PaymentItems.PK;
import static no.dialog.aws.payment.PaymentItems.SK;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.privacy.Pseudonyms;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Pseudonymises the person's payments instead of deleting them: bokføringsloven requires the accounting record
 * to stay. What stays of a ledger entry: paymentId, kind, source, amountOre, receivedAt, reference (the KID of
 * a giro, Vipps' reference), the journey, version, step and variant it is attributed to, candidate and
 * settled. What changes: {@code contactId} becomes the {@link Pseudonyms pseudonym} of the contact id (and the
 * index key {@code gsi1pk} with it, so the organisation finds the payments again under the pseudonym of an id
 * it knows), the attribution's enrolment id goes (it names the person's erased enrolment), and
 * {@code pseudonymisedAt} says when. Ledger entries hold no payer name, phone or message (those are in
 * unmatched payments and giver candidates, which their own stores erase).
 *
 * <p>The person's Vipps starts (one per payment or agreement started from a landing page) get the same
 * pseudonym in place of their contact id and lose the enrolment id; amount, state, agreement and dates stay
 * (a monthly agreement's charges go on being accounted for). They are found through the keys-only
 * {@code byContact} index ({@code contactKey = <tenant>#<contactId>}), which the start keeps only until it is
 * pseudonymised; starts written before the index existed carry no {@code contactKey} and are not found.
 *
 * <p>Each item is updated on the condition that it still names the person, so a second erasure, or a
 * redelivered one whose index answer is a moment old, changes nothing and counts 0; the update touches only
 * these attributes, so a registration settling the entry at the same moment is not undone.
 */
@Singleton
@Order(40)
@Requires(property = "payments.table")
@Requires(beans = Pseudonyms.class)
public class DynamoDbPaymentErasure implements PersonalData {

    static final String BY_CONTACT = "byContact";
    static final String CONTACT_KEY = "contactKey";
    static final String PSEUDONYMISED_AT = "pseudonymisedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public DynamoDbPaymentErasure(DynamoDbClient dynamoDb, @Value("${payments.table}") String table,
                                  Pseudonyms pseudonyms, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Override
    public String store() {
        return "payments";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        String pseudonym = pseudonyms.of(tenant, contactId);
        long changed = 0;
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_KEY)
                .keyConditionExpression("gsi1pk = :contact")
                .expressionAttributeValues(Map.of(":contact", s(DynamoDbPaymentLedger.contactKey(tenant, contactId))))
                .build(), Integer.MAX_VALUE, entries::add);
        for (Map<String, AttributeValue> entry : entries) {
            // The index key moves with the pseudonym: forContact(tenant, pseudonym) finds the payments again.
            changed += pseudonymise(entry, contactId, pseudonym, GSI1PK + " = :index", null,
                    Map.of(":index", s(DynamoDbPaymentLedger.contactKey(tenant, pseudonym))));
        }
        List<Map<String, AttributeValue>> starts = new ArrayList<>();
        PaymentItems.query(dynamoDb, QueryRequest.builder().tableName(table).indexName(BY_CONTACT)
                .keyConditionExpression("contactKey = :contact")
                .expressionAttributeValues(Map.of(":contact", s(DynamoDbVippsPaymentStore.contactKey(tenant, contactId))))
                .build(), Integer.MAX_VALUE, starts::add);
        for (Map<String, AttributeValue> start : starts) {
            changed += pseudonymise(start, contactId, pseudonym, null, CONTACT_KEY, Map.of());
        }
        return changed;
    }

    /**
     * Puts the pseudonym in the item's {@code contactId} and takes the enrolment id out of its attribution, in
     * one update on the condition that the item still names the person (an index answer may be a moment old);
     * other attributes (a ledger entry's {@code settled}, a start's state) are left as they are. Returns 1 when
     * it changed the item, 0 when it was pseudonymised (or went) meanwhile.
     */
    private long pseudonymise(Map<String, AttributeValue> key, String contactId, String pseudonym, String alsoSet,
                              String alsoRemove, Map<String, AttributeValue> alsoValues) {
        Map<String, AttributeValue> item = PaymentItems.get(dynamoDb, table, key.get(PK).s(), key.get(SK).s())
                .orElse(null);
        if (item == null || !item.containsKey("contactId") || !contactId.equals(item.get("contactId").s())) {
            return 0;
        }
        AttributeValue attribution = item.get("attribution");
        boolean enrolment = attribution != null && attribution.hasM() && attribution.m().containsKey("enrolmentId");
        Map<String, AttributeValue> values = new HashMap<>(alsoValues);
        values.put(":pseudonym", s(pseudonym));
        values.put(":at", s(clock.instant().toString()));
        values.put(":person", s(contactId));
        List<String> set = new ArrayList<>(List.of("contactId = :pseudonym", PSEUDONYMISED_AT + " = :at"));
        List<String> remove = new ArrayList<>();
        if (alsoSet != null) {
            set.add(alsoSet);
        }
        if (enrolment) {
            remove.add("attribution.enrolmentId");
        }
        if (alsoRemove != null) {
            remove.add(alsoRemove);
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(PaymentItems.key(key.get(PK).s(), key.get(SK).s()))
                    .updateExpression(expression).conditionExpression("contactId = :person")
                    .expressionAttributeValues(values));
            return 1;
        } catch (ConditionalCheckFailedException e) {
            return 0;
        }
    }
}
