package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.EnrolmentItems.PK;
import static no.dialog.aws.dynamodb.EnrolmentItems.SK;
import static no.dialog.aws.dynamodb.EnrolmentItems.n;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link JourneyEntries} in the enrolments table. Every enrolment takes a place, so the count of places is spread
 * over {@link #SHARDS} partitions per journey ({@code <tenant>#journey#<journeyId>#00} to {@code #15}, item
 * {@code entries}); the once-only markers of enrolling events sit in the partition their key's hash picks
 * ({@code seen#<hash>}); the markers of campaign runs, one per run, in {@code <tenant>#journey#<journeyId>}
 * ({@code run#<runId>}). At 2,000 enrolments a second a place partition takes about 125 writes (ADR 0035).
 *
 * <p>A cap is split over the shards: shard {@code i} holds {@code cap / 16} places, one more for the first
 * {@code cap % 16}, so the journey is full exactly when every shard is, and the places taken never exceed the cap.
 * A place is taken on a random shard, or the next one with room. A journey found full is remembered for
 * {@link #FULL_KEPT} by this instance, so refusing the rest of a million-person campaign costs each function
 * instance one failed write per shard a minute, not one per shard and person. A place given back (a duplicate
 * enrolment lost its race) goes back to a shard that holds one; other instances that found the journey full take
 * it once their minute is over.
 */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbJourneyEntries implements JourneyEntries {

    static final int SHARDS = EnrolmentItems.ENTRY_SHARDS;
    static final Duration FULL_KEPT = Duration.ofMinutes(1);
    private static final String PLACES = "entries";

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** Journeys (tenant, journey, cap) found full, with the System.nanoTime until which they count as full. */
    private final Map<String, Long> fullUntil = new ConcurrentHashMap<>();

    public DynamoDbJourneyEntries(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean takePlace(TenantId tenant, String journeyId, Long cap) {
        int first = KeyShards.random(SHARDS);
        if (cap == null) {
            // Counted without a cap too, so a cap set by a later version counts the places taken before it.
            add(tenant, journeyId, first, 1);
            return true;
        }
        String journey = tenant.value() + "\n" + journeyId + "\n" + cap;
        Long until = fullUntil.get(journey);
        if (until != null && System.nanoTime() - until < 0) {
            return false;
        }
        for (int i = 0; i < SHARDS; i++) {
            int shard = (first + i) % SHARDS;
            long room = placesOf(cap, shard);
            if (room > 0 && takeOn(tenant, journeyId, shard, room)) {
                return true;
            }
        }
        fullUntil.put(journey, System.nanoTime() + FULL_KEPT.toNanos());
        return false;
    }

    /** The places of a cap that one shard holds; together they are exactly the cap. */
    static long placesOf(long cap, int shard) {
        return cap / SHARDS + (shard < cap % SHARDS ? 1 : 0);
    }

    private boolean takeOn(TenantId tenant, String journeyId, int shard, long room) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(placesKey(tenant, journeyId, shard))
                    .updateExpression("ADD entries :one")
                    .conditionExpression("attribute_not_exists(entries) OR entries < :room")
                    .expressionAttributeValues(Map.of(":one", n(1), ":room", n(room))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Gives the place back to a shard that holds one (every shard stays between none and its share of the cap),
     * and forgets that this instance found the journey full.
     */
    @Override
    public void returnPlace(TenantId tenant, String journeyId) {
        String journey = tenant.value() + "\n" + journeyId + "\n";
        fullUntil.keySet().removeIf(key -> key.startsWith(journey));
        int first = KeyShards.random(SHARDS);
        for (int i = 0; i < SHARDS; i++) {
            Map<String, AttributeValue> key = placesKey(tenant, journeyId, (first + i) % SHARDS);
            try {
                dynamoDb.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD entries :minus")
                        .conditionExpression("entries > :none")
                        .expressionAttributeValues(Map.of(":minus", n(-1), ":none", n(0))));
                return;
            } catch (ConditionalCheckFailedException e) {
                // No place taken on this shard: the next one.
            }
        }
    }

    private void add(TenantId tenant, String journeyId, int shard, long by) {
        dynamoDb.updateItem(b -> b.tableName(table).key(placesKey(tenant, journeyId, shard))
                .updateExpression("ADD entries :by").expressionAttributeValues(Map.of(":by", n(by))));
    }

    /** The places taken in the journey, summed over its shards. */
    long placesTaken(TenantId tenant, String journeyId) {
        long taken = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            Map<String, AttributeValue> key = placesKey(tenant, journeyId, shard);
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(key)).item();
            if (item != null && item.containsKey(PLACES)) {
                taken += Long.parseLong(item.get(PLACES).n());
            }
        }
        return taken;
    }

    @Override
    public boolean seen(TenantId tenant, String journeyId, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(seenItem(tenant, journeyId, key))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void markSeen(TenantId tenant, String journeyId, String key) {
        dynamoDb.putItem(b -> b.tableName(table).item(seenItem(tenant, journeyId, key)));
    }

    @Override
    public boolean startRun(TenantId tenant, String journeyId, String runId) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(key(tenant, journeyId, "run#" + runId))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String journeyId, String sk) {
        return Map.of(PK, s(journeyPk(tenant, journeyId)), SK, s(sk));
    }

    private static Map<String, AttributeValue> placesKey(TenantId tenant, String journeyId, int shard) {
        return Map.of(PK, s(KeyShards.key(journeyPk(tenant, journeyId), shard, SHARDS)), SK, s(PLACES));
    }

    /** A marker in the shard its hashed key picks: events that enrol spread as the enrolments do. */
    private static Map<String, AttributeValue> seenItem(TenantId tenant, String journeyId, String key) {
        String sk = seenKey(key);
        return Map.of(PK, s(KeyShards.key(journeyPk(tenant, journeyId), KeyShards.of(sk, SHARDS), SHARDS)),
                SK, s(sk));
    }

    private static String journeyPk(TenantId tenant, String journeyId) {
        return tenant.value() + "#journey#" + journeyId;
    }

    /** Keys come from event payloads (a gift id): hashed, so nothing from outside is stored as-is. */
    private static String seenKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "seen#" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
