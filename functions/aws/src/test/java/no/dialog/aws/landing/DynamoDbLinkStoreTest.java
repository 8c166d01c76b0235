package no.dialog.aws.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.landing.LinkBinding;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The link store against DynamoDB Local, with the table shaped as template.yaml's LandingLinksTable. */
class DynamoDbLinkStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbLinkStore store;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.withHashKey(dynamoDb, "landing-links", "pk");
        store = new DynamoDbLinkStore(dynamoDb, table);
    }

    private static StoredLink link(String id) {
        return new StoredLink(id, 3, new LinkBinding(TenantId.of("school"), "student", 2, "ask", "E-1", "S-1", "en",
                NOW.plusSeconds(86400)), Set.of(), null);
    }

    @Test
    void aLinkIsCreatedOnceAndReadBackWhole() {
        assertThat(store.create(link("AAAAAAAAAAAA"))).isTrue();
        assertThat(store.create(link("AAAAAAAAAAAA"))).isFalse();
        assertThat(store.find("AAAAAAAAAAAA")).contains(link("AAAAAAAAAAAA"));
        assertThat(store.find("BBBBBBBBBBBB")).isEmpty();
    }

    @Test
    void ofManyDifferentSubmissionsSentTogetherExactlyOneClaimsAOneTimeLink() throws Exception {
        store.create(link("GGGGGGGGGGGG"));
        java.util.List<java.util.concurrent.Callable<Boolean>> claims = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String submission = "SUB-" + i;
            claims.add(() -> store.claimOnce("GGGGGGGGGGGG", submission));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            long won = 0;
            for (var result : pool.invokeAll(claims)) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        String winner = dynamoDb.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("link#GGGGGGGGGGGG")))).item().get("claimedBy").s();
        // The winner may claim again (a retry), and after it is recorded; nobody else can.
        assertThat(store.claimOnce("GGGGGGGGGGGG", winner)).isTrue();
        assertThat(store.recordSubmission("GGGGGGGGGGGG", winner, NOW, Map.of())).isTrue();
        assertThat(store.claimOnce("GGGGGGGGGGGG", winner)).isTrue();
        assertThat(store.claimOnce("GGGGGGGGGGGG", "SUB-late")).isFalse();
        assertThat(store.claimOnce("EEEEEEEEEEEE", "SUB-1")).as("no such link").isFalse();
    }

    @Test
    void aLinkUsedBeforeClaimsExistedCannotBeClaimedByAnotherSubmission() {
        store.create(link("FFFFFFFFFFFF"));
        store.recordSubmission("FFFFFFFFFFFF", "SUB-old", NOW, Map.of());
        assertThat(store.claimOnce("FFFFFFFFFFFF", "SUB-new")).isFalse();
    }

    @Test
    void aSubmissionIsRecordedOnceWithItsSealedValues() {
        store.create(link("CCCCCCCCCCCC"));
        assertThat(store.recordSubmission("CCCCCCCCCCCC", "SUB-1", NOW, Map.of("tax", "v1.sealed"))).isTrue();
        assertThat(store.recordSubmission("CCCCCCCCCCCC", "SUB-1", NOW.plusSeconds(5), Map.of())).isFalse();
        assertThat(store.recordSubmission("CCCCCCCCCCCC", "SUB-2", NOW.plusSeconds(9), Map.of())).isTrue();
        StoredLink stored = store.find("CCCCCCCCCCCC").orElseThrow();
        assertThat(stored.submissions()).containsExactlyInAnyOrder("SUB-1", "SUB-2");
        assertThat(stored.firstUsedAt()).isEqualTo(NOW);
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("link#CCCCCCCCCCCC")))).item();
        assertThat(item.get("sealed:SUB-1").m().get("tax").s()).isEqualTo("v1.sealed");
        assertThat(Long.parseLong(item.get("ttl").n())).isEqualTo(NOW.plusSeconds(86400).plus(
                no.dialog.core.privacy.RetentionKind.LANDING_LINK_AFTER_EXPIRY.byDefault()).getEpochSecond());
    }

    @Test
    void noSubmissionForAnUnknownLink() {
        assertThat(store.recordSubmission("DDDDDDDDDDDD", "SUB-1", NOW, Map.of())).isFalse();
        assertThat(store.find("DDDDDDDDDDDD")).isEmpty();
    }
}
