package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.vipps.DonationCursors;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DonationCursors} in the PaymentsTable ({@code PAYMENTS_TABLE}), one item per tenant:
 * <pre>
 *   pk = &lt;tenant&gt;#donations-cursor    sk = cursor
 *   capturedAt: the position, as UTC text with nine fraction digits (so that text order is time order)
 * </pre>
 * Moved by a conditional update ({@code capturedAt < new}), so two readers racing, or a late retry, never
 * move it back. Never expires.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbDonationCursors implements DonationCursors {

    private static final String CURSOR = "cursor";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDonationCursors(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Instant> position(TenantId tenant) {
        return PaymentItems.get(dynamoDb, table, pk(tenant), CURSOR)
                .map(item -> Instant.parse(item.get("capturedAt").s()));
    }

    @Override
    public void advance(TenantId tenant, Instant capturedAt) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(PaymentItems.key(pk(tenant), CURSOR))
                    .updateExpression("SET capturedAt = :at")
                    .conditionExpression("attribute_not_exists(capturedAt) OR capturedAt < :at")
                    .expressionAttributeValues(Map.of(":at", s(PaymentItems.sortable(capturedAt)))));
        } catch (ConditionalCheckFailedException e) {
            // Already there or further: the cursor only moves forward.
        }
    }

    private static String pk(TenantId tenant) {
        return tenant.value() + "#donations-cursor";
    }
}
