package no.dialog.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.core.tenant.CredentialFingerprint;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Tenants' provider credentials in the local Secrets Manager endpoint, as the admin API and senders use them. */
class SecretsManagerProviderCredentialsTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final TenantId DEMO = TenantId.of("demo");
    private static final Map<String, String> LINK = Map.of("username", "org-user", "password", "pa55word");

    private final Emulators emulators = SharedEmulators.get();
    private final SecretsManagerClient client = emulators.secretsManager();
    private final String prefix = "dialog/test-" + UUID.randomUUID().toString().substring(0, 8) + "/tenants/";
    private final AtomicLong nanos = new AtomicLong();
    private final SecretsManagerProviderCredentials credentials = new SecretsManagerProviderCredentials(client, prefix,
            Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC), TTL, nanos::get);

    @Test
    void credentialsAreStoredAsOneSecretPerTenantAndProviderAndOnlyTheirFingerprintIsShown() {
        CredentialFingerprint set = credentials.put(DEMO, CredentialProvider.LINK, LINK, Optional.empty());

        var stored = client.getSecretValue(b -> b.secretId(prefix + "demo/link"));
        assertThat(stored.secretString()).isEqualTo("{\"password\":\"pa55word\",\"username\":\"org-user\"}");
        assertThat(set.fingerprint()).isEqualTo(CredentialFingerprint.of(LINK)).matches("sha256:[0-9a-f]{12}");
        assertThat(set.revision()).isEqualTo(stored.versionId());
        assertThat(credentials.fingerprint(DEMO, CredentialProvider.LINK)).hasValueSatisfying(shown -> {
            assertThat(shown.fingerprint()).isEqualTo(set.fingerprint());
            assertThat(shown.revision()).isEqualTo(set.revision());
            assertThat(shown.setAt()).isNotNull();
            assertThat(shown.toString()).doesNotContain("pa55word");
        });
        assertThat(credentials.fingerprints(DEMO)).extracting(CredentialFingerprint::provider)
                .containsExactly(CredentialProvider.LINK);
        assertThat(credentials.find(DEMO, CredentialProvider.LINK)).contains(LINK);
        assertThat(credentials.find(TenantId.of("other"), CredentialProvider.LINK)).isEmpty();
    }

    @Test
    void aChangeMustNameTheRevisionItReplaces() {
        CredentialFingerprint first = credentials.put(DEMO, CredentialProvider.MAKE,
                Map.of("userId", "4711", "apiKey", "k1"), Optional.empty());

        assertThatThrownBy(() -> credentials.put(DEMO, CredentialProvider.MAKE, Map.of("userId", "4711", "apiKey", "k2"),
                Optional.empty())).isInstanceOf(ProviderCredentials.RevisionConflict.class);
        CredentialFingerprint second = credentials.put(DEMO, CredentialProvider.MAKE,
                Map.of("userId", "4711", "apiKey", "k2"), Optional.of(first.revision()));
        assertThatThrownBy(() -> credentials.put(DEMO, CredentialProvider.MAKE, Map.of("userId", "4711", "apiKey", "k3"),
                Optional.of(first.revision()))).isInstanceOf(ProviderCredentials.RevisionConflict.class);

        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(credentials.fingerprint(DEMO, CredentialProvider.MAKE).orElseThrow().revision())
                .isEqualTo(second.revision());
    }

    @Test
    void readsAreKeptForTheTtlExceptAfterAPutHere() {
        assertThat(credentials.find(DEMO, CredentialProvider.SMTP)).isEmpty();
        client.createSecret(b -> b.name(prefix + "demo/smtp").secretString("{\"username\":\"u\",\"password\":\"p\"}"));
        assertThat(credentials.find(DEMO, CredentialProvider.SMTP)).as("a miss is kept too").isEmpty();

        nanos.addAndGet(TTL.toNanos());
        assertThat(credentials.find(DEMO, CredentialProvider.SMTP)).contains(Map.of("username", "u", "password", "p"));

        CredentialFingerprint now = credentials.fingerprint(DEMO, CredentialProvider.SMTP).orElseThrow();
        credentials.put(DEMO, CredentialProvider.SMTP, Map.of("username", "u", "password", "new"),
                Optional.of(now.revision()));
        assertThat(credentials.find(DEMO, CredentialProvider.SMTP)).contains(Map.of("username", "u", "password", "new"));
    }

    @Test
    void wrongFieldsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> credentials.put(DEMO, CredentialProvider.VIPPS, Map.of("clientId", "c"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is required");

        assertThat(credentials.fingerprint(DEMO, CredentialProvider.VIPPS)).isEmpty();
    }
}
