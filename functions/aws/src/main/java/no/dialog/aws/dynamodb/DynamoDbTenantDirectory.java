package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tenants in their own table. Known tenants are remembered for the life of the execution environment:
 * tenants are created rarely and never renamed, and every event asks.
 */
@Singleton
public class DynamoDbTenantDirectory implements TenantDirectory {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Map<TenantId, Tenant> known = new ConcurrentHashMap<>();

    public DynamoDbTenantDirectory(DynamoDbClient dynamoDb, @Value("${tenants.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        Tenant cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("tenant", AttributeValue.fromS(id.value())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Tenant tenant = new Tenant(id, item.get("name").s(), Instant.parse(item.get("createdAt").s()));
        known.put(id, tenant);
        return Optional.of(tenant);
    }

    @Override
    public boolean createIfAbsent(Tenant tenant) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "tenant", AttributeValue.fromS(tenant.id().value()),
                            "name", AttributeValue.fromS(tenant.name()),
                            "createdAt", AttributeValue.fromS(tenant.createdAt().toString())))
                    .conditionExpression("attribute_not_exists(tenant)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public java.util.List<TenantId> all() {
        java.util.List<TenantId> ids = new java.util.ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).projectionExpression("tenant"))
                .items().forEach(item -> ids.add(TenantId.of(item.get("tenant").s())));
        return ids;
    }
}
