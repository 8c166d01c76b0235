package no.dialog.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** SecretValues against the local Secrets Manager endpoint, with a clock the test moves (no waiting). */
class SecretValuesTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final Emulators emulators = SharedEmulators.get();
    private final SecretsManagerClient client = emulators.secretsManager();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SecretValues values = new SecretValues(client, TTL, nanos::get);

    private String secret(String value) {
        return client.createSecret(b -> b.name("test/secret-values-" + UUID.randomUUID()).secretString(value)).arn();
    }

    private void put(String arn, String value) {
        client.putSecretValue(b -> b.secretId(arn).secretString(value));
    }

    @Test
    void aValueIsKeptForTheTtlAndReadAgainAfterIt() {
        String arn = secret("one");
        assertThat(values.get(arn)).isEqualTo("one");

        put(arn, "two");
        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(values.get(arn)).as("within the TTL").isEqualTo("one");

        nanos.addAndGet(1);
        assertThat(values.get(arn)).as("at the TTL").isEqualTo("two");
    }

    @Test
    void aSnapStartRestoreDropsEveryValueHeld() {
        String arn = secret("before the snapshot");
        values.get(arn);
        put(arn, "after the restore");

        values.afterRestore();

        assertThat(values.get(arn)).isEqualTo("after the restore");
    }

    @Test
    void aFailedRefreshKeepsTheValueAndAFailedFirstReadFails() {
        String arn = secret("kept");
        values.get(arn);
        client.deleteSecret(b -> b.secretId(arn).recoveryWindowInDays(7L));

        nanos.addAndGet(TTL.toNanos());
        assertThat(values.get(arn)).isEqualTo("kept");

        assertThatThrownBy(() -> values.get(arn.replace("test/secret-values-", "test/missing-")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ResourceNotFoundException")
                .hasMessageNotContaining("kept");
    }

    @Test
    void aDerivedValueIsTheSameObjectUntilTheSecretChanges() {
        String arn = secret("{\"format\":\"text\",\"key\":\"" + "k".repeat(40) + "\"}");
        Supplier<byte[]> key = values.derived(arn, value -> SecretKeys.bytes(value, 32));

        byte[] first = key.get();
        assertThat(key.get()).isSameAs(first);

        put(arn, "{\"format\":\"base64\",\"key\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
        nanos.addAndGet(TTL.toNanos());

        assertThat(key.get()).isNotSameAs(first).containsOnly(0).hasSize(32);
    }

    @Test
    void aMalformedKeyFailsWhenTheDerivedValueIsMade() {
        String arn = secret("not json");

        assertThatThrownBy(() -> values.derived(arn, value -> SecretKeys.bytes(value, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not json");
    }
}
