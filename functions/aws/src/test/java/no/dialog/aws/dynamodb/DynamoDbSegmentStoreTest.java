package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbSegmentStoreTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static DynamoDbSegmentStore store;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        store = new DynamoDbSegmentStore(dynamoDb, TestTables.definitions(dynamoDb));
    }

    private static JsonNode criteria(String type) throws Exception {
        return MAPPER.readTree("{\"all\":[{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"" + type + "\"},"
                + "{\"field\":\"membership.examDate\",\"op\":\"before\",\"value\":{\"relative\":\"-P30D\"}}]}");
    }

    @Test
    void aSavedSegmentReadsBackWithItsCriteriaTreeIntact() throws Exception {
        store.save(DEMO, new SegmentDefinition("students", "Studenter", criteria("student"), NOW));

        SegmentDefinition found = store.find(DEMO, "students").orElseThrow();

        assertThat(found.name()).isEqualTo("Studenter");
        assertThat(found.criteria()).isEqualTo(criteria("student"));
        assertThat(found.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anotherTenantSeesNeitherTheSegmentNorItInTheListAndCannotDeleteIt() throws Exception {
        store.save(DEMO, new SegmentDefinition("private-one", "Demo only", criteria("x"), NOW));

        assertThat(store.find(OTHER, "private-one")).isEmpty();
        assertThat(store.list(OTHER)).extracting(SegmentDefinition::id).doesNotContain("private-one");
        assertThat(store.delete(OTHER, "private-one")).isFalse();
        assertThat(store.replace(OTHER, new SegmentDefinition("private-one", "Hijack", criteria("y"), NOW))).isFalse();
        assertThat(store.find(DEMO, "private-one").orElseThrow().name()).isEqualTo("Demo only");
    }

    @Test
    void listReturnsEveryOneOfTheTenantsSegmentsInIdOrder() throws Exception {
        TenantId tenant = TenantId.of("lister");
        for (int i = 0; i < 30; i++) {
            store.save(tenant, new SegmentDefinition(String.format("s-%02d", i), "Segment " + i, criteria("t" + i), NOW));
        }

        assertThat(store.list(tenant)).hasSize(30).first().extracting(SegmentDefinition::id).isEqualTo("s-00");
        assertThat(store.list(tenant).get(29).criteria()).isEqualTo(criteria("t29"));
    }

    @Test
    void createRefusesATakenIdAndReplaceRefusesAMissingOne() throws Exception {
        SegmentDefinition first = new SegmentDefinition("donors", "Givere", criteria("a"), NOW);
        assertThat(store.create(DEMO, first)).isTrue();
        assertThat(store.create(DEMO, new SegmentDefinition("donors", "Other", criteria("b"), NOW))).isFalse();
        assertThat(store.find(DEMO, "donors").orElseThrow().name()).isEqualTo("Givere");

        assertThat(store.replace(DEMO, new SegmentDefinition("donors", "Faste givere", criteria("c"), NOW))).isTrue();
        assertThat(store.find(DEMO, "donors").orElseThrow().name()).isEqualTo("Faste givere");
        assertThat(store.replace(DEMO, new SegmentDefinition("nobody", "x", criteria("c"), NOW))).isFalse();
        assertThat(store.find(DEMO, "nobody")).isEmpty();
    }

    @Test
    void deleteTellsWhetherThereWasSomethingToDelete() throws Exception {
        store.save(DEMO, new SegmentDefinition("short-lived", "Kort", criteria("z"), NOW));

        assertThat(store.delete(DEMO, "short-lived")).isTrue();
        assertThat(store.find(DEMO, "short-lived")).isEmpty();
        assertThat(store.delete(DEMO, "short-lived")).isFalse();
    }

    @Test
    void pagesFollowOneAnotherInIdOrderUntilTheLastSaysSoAndStayInTheTenant() throws Exception {
        TenantId tenant = TenantId.of("pager");
        for (int i = 0; i < 7; i++) {
            store.save(tenant, new SegmentDefinition("seg-%02d".formatted(i), "S" + i, criteria("x"), NOW));
        }
        store.save(TenantId.of("pager-other"), new SegmentDefinition("seg-99", "Other", criteria("x"), NOW));

        Page<SegmentDefinition> first = store.page(tenant, PageRequest.first(3));
        Page<SegmentDefinition> second = store.page(tenant, first.next().orElseThrow());
        Page<SegmentDefinition> third = store.page(tenant, second.next().orElseThrow());

        assertThat(first.items()).extracting(SegmentDefinition::id).containsExactly("seg-00", "seg-01", "seg-02");
        assertThat(second.items()).extracting(SegmentDefinition::id).containsExactly("seg-03", "seg-04", "seg-05");
        assertThat(third.items()).extracting(SegmentDefinition::id).containsExactly("seg-06");
        assertThat(third.next()).isEmpty();
        // A full last page is known to be the last: no empty page after it.
        assertThat(store.page(tenant, PageRequest.first(7)).next()).isEmpty();
        assertThat(store.page(tenant, PageRequest.first(6)).next()).isPresent();
    }
}
