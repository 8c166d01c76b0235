package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Vipps webhook inbox against DynamoDB Local. */
class DynamoDbVippsEventInboxTest {

    private static final TenantId TENANT = TenantId.of("redcross");
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbVippsEventInbox inbox;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.payments(dynamoDb);
        inbox = new DynamoDbVippsEventInbox(dynamoDb, table);
    }

    @Test
    void anEventIsHandledOncePerTenant() {
        assertThat(inbox.handled(TENANT, "evt-1")).isFalse();
        assertThat(inbox.markHandled(TENANT, "evt-1", AT)).isTrue();
        assertThat(inbox.markHandled(TENANT, "evt-1", AT.plusSeconds(30))).isFalse();
        assertThat(inbox.handled(TENANT, "evt-1")).isTrue();
        assertThat(inbox.handled(TenantId.of("other"), "evt-1")).isFalse();
    }

    @Test
    void theRecordOutlivesVippsSevenDaysOfRetries() {
        inbox.markHandled(TENANT, "evt-2", AT);
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("redcross#vipps-event#evt-2"), "sk", AttributeValue.fromS("handled"))))
                .item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(AT.plus(java.time.Duration.ofDays(8)).getEpochSecond());
    }
}
