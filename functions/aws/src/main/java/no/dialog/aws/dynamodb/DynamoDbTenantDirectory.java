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
import no.dialog.core.settings.StoredSettings;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tenants in their own table: {@code tenant}, {@code name}, {@code createdAt}, {@code settings} (a map
 * of strings, see {@link Tenant#settings()}), {@code frequencyCaps} (read by {@link DynamoDbFrequencyCaps}) and
 * {@code settingsRevision} (a number, absent until the settings are first changed through the API). Known
 * tenants are remembered for five minutes: every event asks, while settings change rarely and may take that
 * long to reach a running function. {@link TenantSettingsStore} reads without that memory, consistently.
 */
@Singleton
@Requires(property = "tenants.table")
public class DynamoDbTenantDirectory implements TenantDirectory, TenantSettingsStore, RestoreHook {

    static final String REVISION = "settingsRevision";

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
        Map<String, String> settings = flatSettings(item);
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

    private static Map<String, String> flatSettings(Map<String, AttributeValue> item) {
        Map<String, String> settings = new HashMap<>();
        AttributeValue stored = item.get("settings");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((key, value) -> {
                if (value.s() != null) {
                    settings.put(key, value.s());
                }
            });
        }
        return settings;
    }

    @Override
    public Optional<StoredSettings> read(TenantId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("tenant", AttributeValue.fromS(id.value())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue revision = item.get(REVISION);
        return Optional.of(new StoredSettings(flatSettings(item), DynamoDbFrequencyCaps.capsOf(id, item),
                revision == null || revision.n() == null ? 0 : Long.parseLong(revision.n())));
    }

    /**
     * One conditional update: the settings map and the caps are replaced whole, and the revision goes up by
     * one, only if it is still the one read (absent counts as 0). Keys the API does not own travel in the
     * replacement unchanged, so a hand edit made between the read and this write is lost: the revision is
     * what staff edits race on, and hand edits are for what the API does not cover.
     */
    @Override
    public long replace(TenantId id, long expectedRevision, StoredSettings replacement) {
        Map<String, AttributeValue> caps = new HashMap<>();
        replacement.frequencyCaps().forEach((channel, cap) -> caps.put(channel.jsonName(), AttributeValue.fromM(Map.of(
                "limit", AttributeValue.fromN(Integer.toString(cap.limit())),
                "window", AttributeValue.fromS(TenantSettings.window(cap.window()))))));
        Map<String, AttributeValue> flat = new HashMap<>();
        replacement.flat().forEach((key, value) -> flat.put(key, AttributeValue.fromS(value)));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":settings", AttributeValue.fromM(flat),
                ":caps", AttributeValue.fromM(caps),
                ":next", AttributeValue.fromN(Long.toString(expectedRevision + 1))));
        String condition;
        if (expectedRevision == 0) {
            condition = "attribute_exists(tenant) AND attribute_not_exists(" + REVISION + ")";
        } else {
            condition = REVISION + " = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(expectedRevision)));
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("tenant", AttributeValue.fromS(id.value())))
                    .updateExpression("SET settings = :settings, frequencyCaps = :caps, " + REVISION + " = :next")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleRevision("the settings of " + id + " are no longer at revision " + expectedRevision);
        }
        known.remove(id);
        return expectedRevision + 1;
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
