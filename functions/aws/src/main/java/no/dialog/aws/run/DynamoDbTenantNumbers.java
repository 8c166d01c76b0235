package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.run.DynamoDbRunStore.n;
import static no.dialog.aws.run.DynamoDbRunStore.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.dynamodb.KeyShards;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link TenantNumbers} in {@code RunFilesTable} (no expiry: a KID on a giro must lead back for as long as people
 * pay with it): the counters under {@code pk = <tenant>#numbers}, {@code sk = counter#<kind>} (the last number
 * handed out), and the entries {@code sk = <kind>#<id>} (id → number) and {@code sk = <kind>-number#<n>}
 * (number → id), where kind is {@code contact} or {@code step}, each in one of {@link #SHARDS} partitions
 * {@code <tenant>#numbers#NN} picked by the entry's sort key.
 *
 * <p>Giving a number: read the id's entry; if none, take the next number, write the reverse entry, then the
 * forward entry only if absent. Two workers numbering the same id at once both take a number; the forward entry
 * of the first wins and both return it (the loser's reverse entry points to the same id and is never printed).
 *
 * <p>A letter campaign numbers thousands of people a second, so nothing of it may fall on one key (ADR 0035): the
 * entries are spread over the shards, and contact numbers are taken from the counter {@link #CONTACT_BLOCK} at a
 * time by each function instance (one counter write per 100 people). Numbers of a block an instance did not use
 * before it ended are never given: KIDs carry 9 digits for the contact, far more than any register's people. A
 * step's number, once given, never changes, so an instance remembers it.
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbTenantNumbers implements TenantNumbers {

    public static final int SHARDS = 32;
    public static final int CONTACT_BLOCK = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** Per tenant and kind, the numbers this instance took from the counter and has not handed out. */
    private final Map<String, NumberBlock> blocks = new ConcurrentHashMap<>();
    private final Map<String, Long> stepNumbers = new ConcurrentHashMap<>();

    public DynamoDbTenantNumbers(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public long contactNumber(TenantId tenant, String contactId) {
        return number(tenant, "contact", contactId, CONTACT_BLOCK);
    }

    @Override
    public long stepNumber(TenantId tenant, String journeyId, int version, String stepId) {
        String id = journeyId + "/" + version + "/" + stepId;
        String known = tenant.value() + "\n" + id;
        Long number = stepNumbers.get(known);
        if (number == null) {
            // Steps are few and KIDs carry 4 digits for them: numbered one at a time.
            number = number(tenant, "step", id, 1);
            stepNumbers.put(known, number);
        }
        return number;
    }

    @Override
    public Optional<String> contactId(TenantId tenant, long contactNumber) {
        return get(tenant, "contact-number#" + contactNumber).map(item -> item.get("id").s());
    }

    @Override
    public Optional<StepRef> step(TenantId tenant, long stepNumber) {
        return get(tenant, "step-number#" + stepNumber).map(item -> {
            String[] parts = item.get("id").s().split("/");
            return new StepRef(parts[0], Integer.parseInt(parts[1]), parts[2]);
        });
    }

    private long number(TenantId tenant, String kind, String id, int block) {
        Optional<Map<String, AttributeValue>> known = get(tenant, kind + "#" + id);
        if (known.isPresent()) {
            return Long.parseLong(known.get().get("number").n());
        }
        long next = blocks.computeIfAbsent(tenant.value() + "\n" + kind, k -> new NumberBlock())
                .take(() -> reserve(tenant, kind, block), block);
        Map<String, AttributeValue> reverse = new HashMap<>(key(tenant, kind + "-number#" + next));
        reverse.put("id", s(id));
        dynamoDb.putItem(b -> b.tableName(table).item(reverse));
        Map<String, AttributeValue> forward = new HashMap<>(key(tenant, kind + "#" + id));
        forward.put("number", n(next));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(forward).conditionExpression("attribute_not_exists(pk)"));
            return next;
        } catch (ConditionalCheckFailedException e) {
            return Long.parseLong(get(tenant, kind + "#" + id).orElseThrow().get("number").n());
        }
    }

    /** Takes {@code block} numbers from the tenant's counter; returns the last of them. */
    private long reserve(TenantId tenant, String kind, int block) {
        return Long.parseLong(dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(tenant.value() + "#numbers"), "sk", s("counter#" + kind)))
                .updateExpression("ADD lastNumber :block").expressionAttributeValues(Map.of(":block", n(block)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("lastNumber").n());
    }

    /** Numbers taken from the counter and not handed out yet: {@code next} to {@code last}. */
    private static final class NumberBlock {
        private long next = 1;
        private long last = 0;

        synchronized long take(java.util.function.LongSupplier reserve, int size) {
            if (next > last) {
                last = reserve.getAsLong();
                next = last - size + 1;
            }
            return next++;
        }
    }

    /** The key of an entry: its sort key picks its partition. */
    static Map<String, AttributeValue> key(TenantId tenant, String sk) {
        return Map.of("pk", s(KeyShards.key(tenant.value() + "#numbers", KeyShards.of(sk, SHARDS), SHARDS)),
                "sk", s(sk));
    }

    private Optional<Map<String, AttributeValue>> get(TenantId tenant, String sk) {
        var response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(tenant, sk)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
