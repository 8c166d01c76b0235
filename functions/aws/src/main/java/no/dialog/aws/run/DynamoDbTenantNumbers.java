package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.run.DynamoDbRunStore.n;
import static no.dialog.aws.run.DynamoDbRunStore.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link TenantNumbers} in {@code RunFilesTable}, under {@code pk = <tenant>#numbers} (no expiry: a KID on
 * a giro must lead back for as long as people pay with it):
 * {@code sk = counter#<kind>} (the last number given), {@code sk = <kind>#<id>} (id → number) and
 * {@code sk = <kind>-number#<n>} (number → id), where kind is {@code contact} or {@code step}.
 *
 * <p>Giving a number: read the id's entry; if none, take the next counter value (atomic ADD), write the
 * reverse entry, then the forward entry only if absent. Two workers numbering the same id at once both
 * take a counter value; the forward entry of the first wins and both return it (the loser's reverse
 * entry points to the same id and is never printed).
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbTenantNumbers implements TenantNumbers {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTenantNumbers(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public long contactNumber(TenantId tenant, String contactId) {
        return number(tenant, "contact", contactId);
    }

    @Override
    public long stepNumber(TenantId tenant, String journeyId, int version, String stepId) {
        return number(tenant, "step", journeyId + "/" + version + "/" + stepId);
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

    private long number(TenantId tenant, String kind, String id) {
        Optional<Map<String, AttributeValue>> known = get(tenant, kind + "#" + id);
        if (known.isPresent()) {
            return Long.parseLong(known.get().get("number").n());
        }
        long next = Long.parseLong(dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(pk(tenant)), "sk", s("counter#" + kind)))
                .updateExpression("ADD lastNumber :one").expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("lastNumber").n());
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk(tenant)), "sk", s(kind + "-number#" + next),
                "id", s(id))));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk(tenant)), "sk", s(kind + "#" + id),
                    "number", n(next))).conditionExpression("attribute_not_exists(pk)"));
            return next;
        } catch (ConditionalCheckFailedException e) {
            return Long.parseLong(get(tenant, kind + "#" + id).orElseThrow().get("number").n());
        }
    }

    private Optional<Map<String, AttributeValue>> get(TenantId tenant, String sk) {
        var response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s(pk(tenant)), "sk", s(sk))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static String pk(TenantId tenant) {
        return tenant.value() + "#numbers";
    }
}
