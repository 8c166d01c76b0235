package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbFrequencyCapsTest {

    private static AttributeValue cap(String limit, String window) {
        return AttributeValue.fromM(Map.of("limit", AttributeValue.fromN(limit), "window", AttributeValue.fromS(window)));
    }

    @Test
    void aTenantsOwnCapsApplyPerChannelAndTheDefaultElsewhere() {
        var dynamoDb = SharedEmulators.get().dynamoDb();
        String table = TestTables.withHashKey(dynamoDb, "tenants", "tenant");
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("tenant", AttributeValue.fromS("union"),
                "frequencyCaps", AttributeValue.fromM(Map.of("sms", cap("2", "P14D"), "email", cap("3", "a week"))))));
        DynamoDbFrequencyCaps caps = new DynamoDbFrequencyCaps(dynamoDb, table,
                java.time.Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), OsloTime.ZONE));

        assertThat(caps.capFor(TenantId.of("union"), SendChannel.SMS)).isEqualTo(new FrequencyCap(2, Duration.ofDays(14)));
        assertThat(caps.capFor(TenantId.of("union"), SendChannel.EMAIL)).as("unreadable: the default")
                .isEqualTo(FrequencyCap.DEFAULT);
        assertThat(caps.capFor(TenantId.of("union"), SendChannel.CHAT)).isEqualTo(FrequencyCap.DEFAULT);
        assertThat(caps.capFor(TenantId.of("charity"), SendChannel.SMS)).isEqualTo(FrequencyCap.DEFAULT);
    }
}
