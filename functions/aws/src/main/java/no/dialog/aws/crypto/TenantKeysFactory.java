package no.dialog.aws.crypto;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import no.dialog.core.crypto.TenantKeys;
import no.dialog.core.crypto.TenantSealer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The tenants' data keys in the functions that seal or open national identity numbers: those given
 * {@code DATA_KEY_ID} (the KMS key's id; not a secret) and {@code TENANT_KEYS_TABLE}, in modules that bring the
 * KMS SDK. Plaintext keys are kept for {@code TENANT_KEYS_TTL} (default 5 minutes).
 */
@Factory
@Requires(classes = KmsClient.class)
@Requires(property = "data.key.id", pattern = ".+")
@Requires(property = "tenant.keys.table", pattern = ".+")
public class TenantKeysFactory {

    @Singleton
    KmsTenantKeys tenantKeys(KmsClient kms, DynamoDbClient dynamoDb, @Value("${tenant.keys.table}") String table,
            @Value("${data.key.id}") String keyId, @Value("${tenant.keys.ttl:5m}") Duration ttl) {
        return new KmsTenantKeys(kms, dynamoDb, table, keyId, ttl, System::nanoTime);
    }

    @Singleton
    TenantSealer tenantSealer(TenantKeys keys) {
        return new TenantSealer(keys);
    }
}
