package no.dialog.aws.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.crypto.TenantKeys;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * {@link TenantKeys} by envelope encryption under one KMS key ({@code DATA_KEY_ID}, the template's {@code DataKey}):
 * each tenant's data keys are made by {@code GenerateDataKey} ({@code AES_256}) with the encryption context
 * {@code {"tenant": "<id>"}}, and only their encrypted form is stored, one item per key in the tenant keys table
 * ({@code TENANT_KEYS_TABLE}: {@code tenant} + {@code keyId}, numbered from 1; attributes {@code encryptedKey},
 * {@code createdAt}). Opening one is a {@code Decrypt} with the same context, so KMS itself refuses a key copied to
 * another tenant's item ({@code InvalidCiphertextException}), and CloudTrail records which tenant's key was used.
 *
 * <p>The plaintext keys are kept in memory for {@code ttl} (a monotonic clock), at most {@value #MAX_CACHED} of
 * them, and all dropped after a SnapStart restore, so a restored instance asks KMS again. Two instances making a
 * tenant's first key at once: the conditional put lets one win, and the other reads the winner's key.
 */
public final class KmsTenantKeys implements TenantKeys, RestoreHook {

    static final int MAX_CACHED = 1_000;
    private static final String CONTEXT_KEY = "tenant";

    private final KmsClient kms;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String kmsKeyId;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** Plaintext keys by {@code tenant#id}, and each tenant's current key id; guarded by {@code this}. */
    private final Map<String, Held> keys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private final Map<TenantId, Held> current = new LinkedHashMap<>();

    private record Held(DataKey key, long until) {}

    /**
     * @param kmsKeyId the KMS key's id, ARN or alias
     * @param ttl      how long a plaintext key is kept in memory
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     */
    public KmsTenantKeys(KmsClient kms, DynamoDbClient dynamoDb, String table, String kmsKeyId, Duration ttl,
            LongSupplier nanoTime) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.kmsKeyId = Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public DataKey current(TenantId tenant) {
        synchronized (this) {
            Held held = current.get(tenant);
            if (held != null && nanoTime.getAsLong() - held.until < 0) {
                return copy(held.key);
            }
        }
        Map<String, AttributeValue> newest = newest(tenant);
        DataKey key = newest == null ? create(tenant, 1) : open(tenant, newest);
        synchronized (this) {
            Held held = new Held(key, nanoTime.getAsLong() + ttlNanos);
            current.put(tenant, held);
            keys.put(cacheKey(tenant, key.id()), held);
        }
        return copy(key);
    }

    @Override
    public DataKey byId(TenantId tenant, int id) {
        String cacheKey = cacheKey(tenant, id);
        synchronized (this) {
            Held held = keys.get(cacheKey);
            if (held != null && nanoTime.getAsLong() - held.until < 0) {
                return copy(held.key);
            }
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("tenant", AttributeValue.fromS(tenant.value()), "keyId", AttributeValue.fromN(Integer.toString(id)))))
                .item();
        if (item == null || item.isEmpty()) {
            throw new UnknownKey("the tenant has no data key " + id);
        }
        DataKey key;
        try {
            key = open(tenant, item);
        } catch (InvalidCiphertextException e) {
            // The stored key was not made for this tenant (copied from another tenant's item): KMS refuses it.
            throw new UnknownKey("the stored data key " + id + " does not open for this tenant");
        }
        synchronized (this) {
            keys.put(cacheKey, new Held(key, nanoTime.getAsLong() + ttlNanos));
        }
        return copy(key);
    }

    /**
     * Makes the tenant's next data key, which seals from now on (in every instance within the cache time); the older
     * keys stay to open what they sealed. @return the new key's id
     */
    public int rotate(TenantId tenant) {
        while (true) {
            Map<String, AttributeValue> newest = newest(tenant);
            int next = newest == null ? 1 : Integer.parseInt(newest.get("keyId").n()) + 1;
            try {
                DataKey key = put(tenant, next);
                synchronized (this) {
                    Held held = new Held(key, nanoTime.getAsLong() + ttlNanos);
                    current.put(tenant, held);
                    keys.put(cacheKey(tenant, next), held);
                }
                return next;
            } catch (ConditionalCheckFailedException e) {
                // Another rotation took this number: take the one after it.
            }
        }
    }

    @Override
    public synchronized void afterRestore() {
        keys.clear();
        current.clear();
    }

    private Map<String, AttributeValue> newest(TenantId tenant) {
        var items = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("tenant = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant.value())))
                .scanIndexForward(false).limit(1)).items();
        return items.isEmpty() ? null : items.getFirst();
    }

    /** The tenant's first key; if another instance made it first, theirs. */
    private DataKey create(TenantId tenant, int id) {
        try {
            return put(tenant, id);
        } catch (ConditionalCheckFailedException e) {
            return byId(tenant, id);
        }
    }

    private DataKey put(TenantId tenant, int id) {
        GenerateDataKeyResponse made = kms.generateDataKey(b -> b.keyId(kmsKeyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context(tenant)));
        Map<String, AttributeValue> item = Map.of(
                "tenant", AttributeValue.fromS(tenant.value()),
                "keyId", AttributeValue.fromN(Integer.toString(id)),
                "encryptedKey", AttributeValue.fromB(made.ciphertextBlob()),
                "kmsKeyArn", AttributeValue.fromS(made.keyId()),
                "createdAt", AttributeValue.fromS(Instant.now().toString()));
        dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(keyId)"));
        byte[] plaintext = made.plaintext().asByteArray();
        try {
            return new DataKey(id, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private DataKey open(TenantId tenant, Map<String, AttributeValue> item) {
        SdkBytes blob = item.get("encryptedKey").b();
        // The KMS key is named as well: a blob made under any other key is refused rather than opened.
        byte[] plaintext = kms.decrypt(b -> b.keyId(kmsKeyId).ciphertextBlob(blob).encryptionContext(context(tenant)))
                .plaintext().asByteArray();
        try {
            return new DataKey(Integer.parseInt(item.get("keyId").n()), plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static Map<String, String> context(TenantId tenant) {
        return Map.of(CONTEXT_KEY, tenant.value());
    }

    private static String cacheKey(TenantId tenant, int id) {
        return tenant.value() + "#" + id;
    }

    private static DataKey copy(DataKey key) {
        return new DataKey(key.id(), key.key().clone());
    }
}
