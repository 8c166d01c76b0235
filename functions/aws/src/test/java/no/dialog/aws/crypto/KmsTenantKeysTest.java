package no.dialog.aws.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.crypto.TenantKeys;
import no.dialog.core.crypto.TenantSealer;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/** Data keys per tenant under one KMS key, against the KMS endpoint and DynamoDB Local of the emulators. */
class KmsTenantKeysTest {

    private static final TenantId UNION = TenantId.of("union");
    private static final TenantId CHARITY = TenantId.of("charity");
    private final Emulators emulators = SharedEmulators.get();
    private final DynamoDbClient dynamoDb = emulators.dynamoDb();
    private final KmsClient kms = emulators.kms();
    private final AtomicLong nanos = new AtomicLong();
    private String table;
    private String kmsKey;
    private KmsTenantKeys keys;

    @BeforeEach
    void setUp() {
        table = TestTables.tenantKeys(dynamoDb);
        kmsKey = kms.createKey(b -> b.description("DataKey")).keyMetadata().arn();
        keys = newInstance();
    }

    private KmsTenantKeys newInstance() {
        return new KmsTenantKeys(kms, dynamoDb, table, kmsKey, Duration.ofMinutes(5), nanos::get);
    }

    private Map<String, AttributeValue> item(TenantId tenant, int id) {
        return dynamoDb.getItem(b -> b.tableName(table).key(Map.of("tenant", AttributeValue.fromS(tenant.value()),
                "keyId", AttributeValue.fromN(Integer.toString(id))))).item();
    }

    @Test
    void aTenantsFirstKeyIsMadeOnceAndStoredOnlyEncryptedUnderItsContext() {
        TenantKeys.DataKey first = keys.current(UNION);

        assertThat(first.id()).isEqualTo(1);
        Map<String, AttributeValue> stored = item(UNION, 1);
        byte[] blob = stored.get("encryptedKey").b().asByteArray();
        assertThat(blob).isNotEqualTo(first.key());
        assertThat(new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(first.key(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(stored.get("encryptedKey").b())
                .encryptionContext(Map.of("tenant", "union"))).plaintext().asByteArray()).isEqualTo(first.key());
        assertThat(newInstance().current(UNION).key()).as("another instance reads the same key").isEqualTo(first.key());
        assertThat(newInstance().byId(UNION, 1).key()).isEqualTo(first.key());
    }

    @Test
    void tenantsHaveKeysOfTheirOwnAndOneTenantsKeyDoesNotOpenAnothersNumbers() {
        TenantSealer sealer = new TenantSealer(keys);
        String sealed = sealer.seal(UNION, "C-1", "01010150074");
        sealer.seal(CHARITY, "C-1", "x");

        assertThat(keys.current(UNION).key()).isNotEqualTo(keys.current(CHARITY).key());
        assertThat(new TenantSealer(newInstance()).open(UNION, "C-1", sealed)).isEqualTo("01010150074");
        assertThatThrownBy(() -> sealer.open(CHARITY, "C-1", sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("01010150074");
    }

    @Test
    void kmsRefusesAKeyCopiedIntoAnotherTenantsItem() {
        keys.current(UNION);
        Map<String, AttributeValue> copied = new HashMap<>(item(UNION, 1));
        copied.put("tenant", AttributeValue.fromS(CHARITY.value()));
        dynamoDb.putItem(b -> b.tableName(table).item(copied));

        assertThatThrownBy(() -> newInstance().byId(CHARITY, 1)).isInstanceOf(TenantKeys.UnknownKey.class);
        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(copied.get("encryptedKey").b())
                .encryptionContext(Map.of("tenant", "charity")))).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void aRotationSealsWithTheNextKeyAndTheOldOneStillOpens() {
        TenantSealer sealer = new TenantSealer(keys);
        String before = sealer.seal(UNION, "C-1", "01010150074");

        assertThat(keys.rotate(UNION)).isEqualTo(2);
        String after = sealer.seal(UNION, "C-1", "01010150074");

        assertThat(before).startsWith("tk1.1.");
        assertThat(after).startsWith("tk1.2.");
        TenantSealer elsewhere = new TenantSealer(newInstance());
        assertThat(elsewhere.open(UNION, "C-1", before)).isEqualTo("01010150074");
        assertThat(elsewhere.open(UNION, "C-1", after)).isEqualTo("01010150074");
        assertThatThrownBy(() -> keys.byId(UNION, 3)).isInstanceOf(TenantKeys.UnknownKey.class);
    }

    @Test
    void anotherInstancesRotationReachesThisOneWhenItsKeysAgeOut() {
        keys.current(UNION);
        newInstance().rotate(UNION);

        assertThat(keys.current(UNION).id()).as("kept for the cache time").isEqualTo(1);
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(keys.current(UNION).id()).isEqualTo(2);
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        keys.afterRestore();
        assertThat(keys.byId(UNION, 1).id()).isEqualTo(1);
    }
}
