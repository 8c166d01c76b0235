package no.dialog.aws.payment;

import no.dialog.aws.snapstart.RestoreSafeRandom;
import static no.dialog.aws.payment.PaymentItems.PK;
import static no.dialog.aws.payment.PaymentItems.SK;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.payment.GiverCandidates;
import no.dialog.core.privacy.Retention;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link GiverCandidates} in the PaymentsTable ({@code PAYMENTS_TABLE}), one item per tenant and phone
 * number:
 * <pre>
 *   pk = &lt;tenant&gt;#candidate#&lt;SHA-256 of the E.164 number, base64url&gt;    sk = candidate
 *   contactId (candidate-&lt;random&gt;), phone, name (if given), matches (L of S, the contacts the number
 *   matched when the candidate was made), createdAt
 * </pre>
 * The key holds a digest, not the number, so the phone number is in the item only, never in a key that
 * may reach metrics or error reports. The contact id is random (128 bits, base64url), never derived from
 * the phone: the candidate's id says nothing about the person. Made with {@code attribute_not_exists(pk)};
 * the loser of two concurrent first gifts reads and returns the winner's candidate. Expires ({@code expiresAt},
 * TTL) {@link Retention#GIVER_CANDIDATE_AFTER_LAST_GIFT} after the last gift: each gift moves it on.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbGiverCandidates implements GiverCandidates {

    static final String CANDIDATE_PREFIX = "candidate-";
    static final String SK_CANDIDATE = "candidate";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecureRandom random = RestoreSafeRandom.secureRandom();

    public DynamoDbGiverCandidates(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Candidate findOrCreate(TenantId tenant, String phone, String name, List<String> matches, Instant at) {
        Objects.requireNonNull(phone, "phone");
        String pk = pk(tenant, phone);
        var existing = PaymentItems.get(dynamoDb, table, pk, SK_CANDIDATE);
        if (existing.isPresent()) {
            keepUntil(pk, at);
            return new Candidate(existing.get().get("contactId").s(), false, matches);
        }
        String contactId = CANDIDATE_PREFIX + newId();
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.key(pk, SK_CANDIDATE));
        item.put("contactId", s(contactId));
        item.put("phone", s(phone));
        if (name != null && !name.isBlank()) {
            item.put("name", s(name));
        }
        item.put("matches", AttributeValue.fromL((matches == null ? List.<String>of() : matches).stream()
                .map(PaymentItems::s).toList()));
        item.put("createdAt", s(at.toString()));
        item.put(PaymentItems.EXPIRES_AT, expiry(at));
        if (PaymentItems.putIfAbsent(dynamoDb, table, item)) {
            return new Candidate(contactId, true, matches);
        }
        String winner = PaymentItems.get(dynamoDb, table, pk, SK_CANDIDATE).orElseThrow(
                () -> new IllegalStateException("a giver candidate item refused a write but cannot be read"))
                .get("contactId").s();
        return new Candidate(winner, false, matches);
    }

    /** A gift from a known candidate keeps them for the retention from now (never shortens it). */
    private void keepUntil(String pk, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(PaymentItems.key(pk, SK_CANDIDATE))
                    .updateExpression("SET #expires = :expires")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#expires) OR #expires < :expires)")
                    .expressionAttributeNames(Map.of("#expires", PaymentItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":expires", expiry(at))));
        } catch (ConditionalCheckFailedException laterAlready) {
            // A gift handled out of order (or an erasure in between): the later expiry stays.
        }
    }

    private static AttributeValue expiry(Instant at) {
        return AttributeValue.fromN(Long.toString(at.plus(Retention.GIVER_CANDIDATE_AFTER_LAST_GIFT).getEpochSecond()));
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String pk(TenantId tenant, String phone) {
        return tenant.value() + "#candidate#" + PaymentItems.digest(phone);
    }
}
