package no.dialog.aws.run;

import static org.assertj.core.api.Assertions.assertThat;

import no.dialog.aws.testing.TestTables;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A KID no longer leads back to an erased person, against DynamoDB Local; nobody else's number changes. */
class DynamoDbKidNumberErasureTest {

    private static final TenantId TENANT = TenantId.of("union");

    @Test
    void thePersonsNumberIsForgottenAndNeverGivenToAnyoneElse() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String table = TestTables.runFiles(dynamoDb);
        DynamoDbTenantNumbers numbers = new DynamoDbTenantNumbers(dynamoDb, table);
        long erased = numbers.contactNumber(TENANT, "ER-K1");
        long other = numbers.contactNumber(TENANT, "ER-K2");
        long step = numbers.stepNumber(TENANT, "renewal", 1, "letter");
        DynamoDbKidNumberErasure erasure = new DynamoDbKidNumberErasure(dynamoDb, table);

        assertThat(erasure.erase(TENANT, "ER-K1")).isEqualTo(2);
        assertThat(erasure.erase(TENANT, "ER-K1")).isZero();

        assertThat(numbers.contactId(TENANT, erased)).isEmpty();
        assertThat(numbers.contactId(TENANT, other)).contains("ER-K2");
        assertThat(numbers.contactNumber(TENANT, "ER-K2")).isEqualTo(other);
        assertThat(numbers.stepNumber(TENANT, "renewal", 1, "letter")).isEqualTo(step);
        assertThat(numbers.contactNumber(TENANT, "ER-K3")).as("a new person gets a new number").isNotIn(erased, other);
    }
}
