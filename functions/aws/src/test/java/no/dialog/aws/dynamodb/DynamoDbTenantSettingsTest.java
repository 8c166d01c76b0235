package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.settings.StoredSettings;
import no.dialog.core.settings.TenantSettingsStore.StaleRevision;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The settings side of {@link DynamoDbTenantDirectory} against DynamoDB Local: revisions, and what the readers see. */
class DynamoDbTenantSettingsTest {

    private static final TenantId UNION = TenantId.of("union");
    private final DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
    private String table;
    private DynamoDbTenantDirectory tenants;

    @BeforeEach
    void createTable() {
        table = TestTables.withHashKey(dynamoDb, "tenants", "tenant");
        tenants = new DynamoDbTenantDirectory(dynamoDb, table);
        tenants.createIfAbsent(new Tenant(UNION, "Union", Instant.parse("2026-12-01T09:00:00Z"),
                Map.of("email.from", "post@union.test")));
    }

    @Test
    void aNewTenantIsAtRevisionZeroWithItsSettings() {
        StoredSettings stored = tenants.read(UNION).orElseThrow();

        assertThat(stored.revision()).isZero();
        assertThat(stored.flat()).containsOnly(Map.entry("email.from", "post@union.test"));
        assertThat(stored.frequencyCaps()).isEmpty();
        assertThat(tenants.read(TenantId.of("nobody"))).isEmpty();
    }

    @Test
    void aReplacementOverTheRevisionReadIsWhatTheSendersAndCapsThenRead() {
        tenants.find(UNION); // remembered by this instance: the replacement must not be hidden by that
        StoredSettings next = new StoredSettings(Map.of("email.from", "post@union.test", "quietHours", "09:00-20:00"),
                Map.of(SendChannel.SMS, new FrequencyCap(2, Duration.ofDays(14))), 0);

        long revision = tenants.replace(UNION, 0, next);

        assertThat(revision).isEqualTo(1);
        StoredSettings read = tenants.read(UNION).orElseThrow();
        assertThat(read.revision()).isEqualTo(1);
        assertThat(read.flat()).isEqualTo(next.flat());
        assertThat(read.frequencyCaps()).isEqualTo(next.frequencyCaps());
        assertThat(tenants.find(UNION).orElseThrow().setting("quietHours")).contains("09:00-20:00");
        DynamoDbFrequencyCaps caps = new DynamoDbFrequencyCaps(dynamoDb, table,
                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), OsloTime.ZONE));
        assertThat(caps.capFor(UNION, SendChannel.SMS)).isEqualTo(new FrequencyCap(2, Duration.ofDays(14)));
    }

    @Test
    void aStaleRevisionChangesNothing() {
        tenants.replace(UNION, 0, new StoredSettings(Map.of("quietHours", "09:00-20:00"), Map.of(), 0));

        assertThatThrownBy(() -> tenants.replace(UNION, 0, new StoredSettings(Map.of("quietHours", "10:00-12:00"),
                Map.of(), 0))).isInstanceOf(StaleRevision.class);
        assertThatThrownBy(() -> tenants.replace(UNION, 5, new StoredSettings(Map.of(), Map.of(), 5)))
                .isInstanceOf(StaleRevision.class);

        StoredSettings read = tenants.read(UNION).orElseThrow();
        assertThat(read.revision()).isEqualTo(1);
        assertThat(read.flat()).containsOnly(Map.entry("quietHours", "09:00-20:00"));
    }

    @Test
    void aMissingTenantIsNotCreatedByAReplacement() {
        assertThatThrownBy(() -> tenants.replace(TenantId.of("ghost"), 0, new StoredSettings(Map.of(), Map.of(), 0)))
                .isInstanceOf(StaleRevision.class);
        assertThat(tenants.read(TenantId.of("ghost"))).isEmpty();
    }
}
