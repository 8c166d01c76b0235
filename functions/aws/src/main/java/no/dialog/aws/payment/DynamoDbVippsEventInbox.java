package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.EXPIRES_AT;
import static no.dialog.aws.payment.PaymentItems.n;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.payment.vipps.VippsEventInbox;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link VippsEventInbox} in the PaymentsTable ({@code PAYMENTS_TABLE}), one item per handled event:
 * <pre>
 *   pk = &lt;tenant&gt;#vipps-event#&lt;eventId&gt;    sk = handled
 *   handledAt, expiresAt (TTL, epoch seconds) = handledAt + {@link #KEPT}
 * </pre>
 * Kept 8 days, a day longer than Vipps retries a webhook (7 days), so no retry outlives its record. An item
 * past {@code expiresAt} that DynamoDB has not deleted yet still counts as handled, which is true.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbVippsEventInbox implements VippsEventInbox {

    static final Duration KEPT = Duration.ofDays(8);
    private static final String HANDLED = "handled";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbVippsEventInbox(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean markHandled(TenantId tenant, String eventId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(PaymentItems.key(pk(tenant, eventId), HANDLED));
        item.put("handledAt", s(at.toString()));
        item.put(EXPIRES_AT, n(at.plus(KEPT).getEpochSecond()));
        return PaymentItems.putIfAbsent(dynamoDb, table, item);
    }

    @Override
    public boolean handled(TenantId tenant, String eventId) {
        return PaymentItems.get(dynamoDb, table, pk(tenant, eventId), HANDLED).isPresent();
    }

    private static String pk(TenantId tenant, String eventId) {
        return tenant.value() + "#vipps-event#" + eventId;
    }
}
