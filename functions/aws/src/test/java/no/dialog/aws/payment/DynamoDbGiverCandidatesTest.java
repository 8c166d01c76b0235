package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.payment.GiverCandidates.Candidate;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Giver candidates against DynamoDB Local, in a table shaped as template.yaml's PaymentsTable. */
class DynamoDbGiverCandidatesTest {

    private static final TenantId TENANT = TenantId.of("redcross");
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbGiverCandidates candidates;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.payments(dynamoDb);
        candidates = new DynamoDbGiverCandidates(dynamoDb, table);
    }

    @Test
    void theSamePhoneGetsTheSameCandidateMadeOnce() {
        Candidate first = candidates.findOrCreate(TENANT, "+4791234567", "Kari Nordmann", List.of(), AT);
        Candidate again = candidates.findOrCreate(TENANT, "+4791234567", "K. Nordmann", List.of("C-1", "C-2"),
                AT.plusSeconds(60));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.contactId()).isEqualTo(first.contactId());
        assertThat(again.matches()).containsExactly("C-1", "C-2");
    }

    @Test
    void candidateIdsAreRandomAndSayNothingOfThePhone() {
        Candidate a = candidates.findOrCreate(TENANT, "+4790000001", null, List.of(), AT);
        Candidate b = candidates.findOrCreate(TENANT, "+4790000002", null, List.of(), AT);
        Candidate otherTenant = candidates.findOrCreate(TenantId.of("other"), "+4790000001", null, List.of(), AT);

        assertThat(a.contactId()).startsWith("candidate-").doesNotContain("4790000001").doesNotContain("90000001");
        assertThat(a.contactId()).matches("candidate-[A-Za-z0-9_-]{22}");
        assertThat(b.contactId()).isNotEqualTo(a.contactId());
        assertThat(otherTenant.created()).isTrue();
        assertThat(otherTenant.contactId()).isNotEqualTo(a.contactId());
    }

    @Test
    void theKeyHoldsNoPhoneNumberButTheItemKeepsWhatTheProviderTold() {
        Candidate made = candidates.findOrCreate(TENANT, "+4798765432", "Ola Nordmann", List.of("C-7", "C-8"), AT);
        var items = dynamoDb.scan(b -> b.tableName(table)).items().stream()
                .filter(item -> made.contactId().equals(item.get("contactId").s())).toList();

        assertThat(items).hasSize(1);
        Map<String, AttributeValue> item = items.get(0);
        assertThat(item.get("pk").s()).startsWith("redcross#candidate#").doesNotContain("98765432");
        assertThat(item.get("phone").s()).isEqualTo("+4798765432");
        assertThat(item.get("name").s()).isEqualTo("Ola Nordmann");
        assertThat(item.get("matches").l()).extracting(AttributeValue::s).containsExactly("C-7", "C-8");
        assertThat(item.get("expiresAt").n()).as("two years after the gift")
                .isEqualTo(Long.toString(AT.plus(Duration.ofDays(730)).getEpochSecond()));
    }

    @Test
    void eachGiftKeepsTheCandidateTwoYearsFromThenAndAnEarlierGiftNeverShortensIt() {
        Candidate made = candidates.findOrCreate(TENANT, "+4791111111", null, List.of(), AT);
        Instant nextYear = AT.plus(Duration.ofDays(365));
        candidates.findOrCreate(TENANT, "+4791111111", null, List.of(), nextYear);
        candidates.findOrCreate(TENANT, "+4791111111", null, List.of(), AT.plusSeconds(5));

        Map<String, AttributeValue> item = dynamoDb.scan(b -> b.tableName(table)).items().stream()
                .filter(i -> made.contactId().equals(i.get("contactId").s())).findFirst().orElseThrow();
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(nextYear.plus(Duration.ofDays(730)).getEpochSecond()));
    }
}
