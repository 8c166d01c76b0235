package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Donations report cursor against DynamoDB Local. */
class DynamoDbDonationCursorsTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static DynamoDbDonationCursors cursors;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        cursors = new DynamoDbDonationCursors(dynamoDb, TestTables.payments(dynamoDb));
    }

    @Test
    void aNewTenantHasNoPosition() {
        assertThat(cursors.position(TenantId.of("fresh"))).isEmpty();
    }

    @Test
    void theCursorOnlyMovesForward() {
        TenantId tenant = TenantId.of("forward");
        cursors.advance(tenant, AT);
        assertThat(cursors.position(tenant)).contains(AT);

        cursors.advance(tenant, AT.minusSeconds(60));
        cursors.advance(tenant, AT);
        assertThat(cursors.position(tenant)).contains(AT);

        // Sub-second steps compare as time does, not as text of different lengths.
        cursors.advance(tenant, AT.plusMillis(250));
        cursors.advance(tenant, AT.plusNanos(1));
        assertThat(cursors.position(tenant)).contains(AT.plusMillis(250));
        cursors.advance(tenant, AT.plusSeconds(1));
        assertThat(cursors.position(tenant)).contains(AT.plusSeconds(1));
    }

    @Test
    void tenantsHaveTheirOwnCursor() {
        cursors.advance(TenantId.of("one"), AT);
        cursors.advance(TenantId.of("two"), AT.plusSeconds(5));
        assertThat(cursors.position(TenantId.of("one"))).contains(AT);
    }
}
