package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tenants in their own table: {@code tenant}, {@code name}, {@code createdAt} and {@code settings} (a map
 * of strings, see {@link Tenant#settings()}). Known tenants are remembered for five minutes: every event
 * asks, while settings change rarely and may take that long to reach a running function.
 */
@Singleton
@Requires(property = "tenants.table")
public class DynamoDbTenantDirectory implements TenantDirectory, RestoreHook {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private record Remembered(Tenant tenant, long loadedAtNanos) {}

    private final Map<TenantId, Remembered> known = new ConcurrentHashMap<>();

    public DynamoDbTenantDirectory(DynamoDbClient dynamoDb, @Value("${tenants.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        Remembered cached = known.get(id);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < REMEMBERED_FOR.toNanos()) {
            return Optional.of(cached.tenant());
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("tenant", AttributeValue.fromS(id.value())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> settings = new HashMap<>();
        AttributeValue stored = item.get("settings");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((key, value) -> {
                if (value.s() != null) {
                    settings.put(key, value.s());
                }
            });
        }
        Tenant tenant = new Tenant(id, item.get("name").s(), Instant.parse(item.get("createdAt").s()), settings);
        known.put(id, new Remembered(tenant, System.nanoTime()));
        return Optional.of(tenant);
    }

    @Override
    public boolean createIfAbsent(Tenant tenant) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "tenant", AttributeValue.fromS(tenant.id().value()),
                            "name", AttributeValue.fromS(tenant.name()),
                            "createdAt", AttributeValue.fromS(tenant.createdAt().toString()),
                            "settings", AttributeValue.fromM(settingsOf(tenant))))
                    .conditionExpression("attribute_not_exists(tenant)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> settingsOf(Tenant tenant) {
        Map<String, AttributeValue> settings = new HashMap<>();
        tenant.settings().forEach((key, value) -> settings.put(key, AttributeValue.fromS(value)));
        return settings;
    }

    @Override
    public java.util.List<TenantId> all() {
        java.util.List<TenantId> ids = new java.util.ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).projectionExpression("tenant"))
                .items().forEach(item -> ids.add(TenantId.of(item.get("tenant").s())));
        return ids;
    }

    /** Tenants are kept by System.nanoTime, which has no meaning across a snapshot and a restore: read them again. */
    @Override
    public void afterRestore() {
        known.clear();
    }
}
