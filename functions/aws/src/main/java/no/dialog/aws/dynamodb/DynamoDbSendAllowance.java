package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.EnrolmentItems.PK;
import static no.dialog.aws.dynamodb.EnrolmentItems.SK;
import static no.dialog.aws.dynamodb.EnrolmentItems.n;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.SendAllowance;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link SendAllowance} in the enrolments table: one item per person and channel ({@code cap#sms}) with
 * the recent sends as a map idempotency key → epoch ms, expiring (TTL) when the newest leaves the window. Written with optimistic locking on a version
 * number, so two journeys sending to the same person at once cannot both take the last place.
 */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbSendAllowance implements SendAllowance {

    private static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSendAllowance(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean reserve(TenantId tenant, String contactId, SendChannel channel, String idempotencyKey,
                           FrequencyCap cap, Instant now) {
        Map<String, AttributeValue> key = Map.of(PK, s(EnrolmentItems.personPk(tenant, contactId)),
                SK, s("cap#" + channel.jsonName()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            Map<String, AttributeValue> sends = item == null || !item.containsKey("sends") ? Map.of() : item.get("sends").m();
            if (sends.containsKey(idempotencyKey)) {
                return true;
            }
            Map<String, AttributeValue> kept = new HashMap<>();
            sends.forEach((k, at) -> {
                if (cap.stillCounts(Instant.ofEpochMilli(Long.parseLong(at.n())), now)) {
                    kept.put(k, at);
                }
            });
            if (!cap.allows(kept.values().stream().map(at -> Instant.ofEpochMilli(Long.parseLong(at.n()))).toList(), now)) {
                return false;
            }
            kept.put(idempotencyKey, n(now.toEpochMilli()));
            long version = item == null || !item.containsKey("ver") ? 0 : Long.parseLong(item.get("ver").n());
            Map<String, AttributeValue> next = new HashMap<>(key);
            next.put("sends", AttributeValue.builder().m(kept).build());
            next.put("ver", n(version + 1));
            // Once the newest send has left the window, none counts any more: the item may go.
            next.put(EnrolmentItems.EXPIRES_AT, n(now.plus(cap.window()).getEpochSecond()));
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(next)
                        .conditionExpression(version == 0 ? "attribute_not_exists(pk)" : "ver = :ver")
                        .expressionAttributeValues(version == 0 ? null : Map.of(":ver", n(version))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                // Another send to the same person on the same channel won; read again and decide again.
            }
        }
        throw new IllegalStateException("frequency cap stayed contended; the message will be retried");
    }
}
