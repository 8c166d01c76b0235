package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbJourneyStoreTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbJourneyStore store;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.definitions(dynamoDb);
        store = new DynamoDbJourneyStore(dynamoDb, table);
    }

    private static JsonNode definition(String text) {
        return MAPPER.createObjectNode().put("name", "Welcome").put("text", text);
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Every sort key stored for a journey, to show that a refused write left nothing behind. */
    private static List<String> storedKeys(TenantId tenant, String journeyId) {
        List<String> keys = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :id)")
                        .expressionAttributeValues(Map.of(":pk", DefinitionKeys.s(tenant.value() + "#journey"),
                                ":id", DefinitionKeys.s(journeyId + "#"))))
                .items().forEach(item -> keys.add(item.get("sk").s()));
        return keys;
    }

    @Test
    void aNewJourneyIsADraftWithVersionOneAndNoActiveVersion() {
        JourneyHead head = store.create(DEMO, "welcome", "Welcome", definition("v1"), T0);

        assertThat(head).isEqualTo(new JourneyHead("welcome", "Welcome", JourneyStatus.DRAFT, 1, 0, T0, 1));
        assertThat(store.head(DEMO, "welcome")).contains(head);
        assertThat(store.version(DEMO, "welcome", 1)).contains(definition("v1"));
        assertThat(store.version(DEMO, "welcome", 2)).isEmpty();
        assertThat(storedKeys(DEMO, "welcome")).containsExactly("welcome#head", "welcome#v000001");
    }

    @Test
    void creatingAnExistingJourneyIsAConflictAndChangesNothing() {
        store.create(DEMO, "dup", "First", definition("first"), T0);

        assertThatThrownBy(() -> store.create(DEMO, "dup", "Second", definition("second"), at(1)))
                .isInstanceOf(JourneyConflict.class)
                .satisfies(e -> assertThat(((JourneyConflict) e).kind()).isEqualTo(JourneyConflict.Kind.ALREADY_EXISTS))
                .hasMessageContaining("already exists");
        assertThat(store.head(DEMO, "dup").orElseThrow().name()).isEqualTo("First");
        assertThat(store.version(DEMO, "dup", 1)).contains(definition("first"));
    }

    @Test
    void aDraftIsEditedInPlace() {
        JourneyHead created = store.create(DEMO, "draft-edit", "Draft", definition("a"), T0);

        JourneyHead edited = store.update(DEMO, "draft-edit", created.revision(), "Draft 2", definition("b"), at(1));

        assertThat(edited).isEqualTo(new JourneyHead("draft-edit", "Draft 2", JourneyStatus.DRAFT, 1, 0, at(1), 2));
        assertThat(store.version(DEMO, "draft-edit", 1)).contains(definition("b"));
        assertThat(storedKeys(DEMO, "draft-edit")).containsExactly("draft-edit#head", "draft-edit#v000001");
    }

    @Test
    void editingAnActiveJourneyWritesANewVersionThatIsActiveAtOnceAndKeepsTheOldOne() {
        JourneyHead head = store.create(DEMO, "active-edit", "Active", definition("a"), T0);
        head = store.changeStatus(DEMO, "active-edit", head.revision(), JourneyStatus.ACTIVE, at(1));
        assertThat(head.activeVersion()).isEqualTo(1);

        head = store.update(DEMO, "active-edit", head.revision(), "Active", definition("b"), at(2));

        assertThat(head.status()).isEqualTo(JourneyStatus.ACTIVE);
        assertThat(head.latestVersion()).isEqualTo(2);
        assertThat(head.activeVersion()).isEqualTo(2);
        assertThat(head.revision()).isEqualTo(3);
        assertThat(store.version(DEMO, "active-edit", 1)).as("people enrolled on v1 keep it").contains(definition("a"));
        assertThat(store.version(DEMO, "active-edit", 2)).contains(definition("b"));
    }

    @Test
    void editsWhilePausedWaitForTheResume() {
        JourneyHead head = store.create(DEMO, "paused-edit", "Paused", definition("a"), T0);
        head = store.changeStatus(DEMO, "paused-edit", head.revision(), JourneyStatus.ACTIVE, at(1));
        head = store.changeStatus(DEMO, "paused-edit", head.revision(), JourneyStatus.PAUSED, at(2));

        head = store.update(DEMO, "paused-edit", head.revision(), "Paused", definition("b"), at(3));
        assertThat(head.latestVersion()).isEqualTo(2);
        assertThat(head.activeVersion()).as("not live while paused").isEqualTo(1);

        head = store.changeStatus(DEMO, "paused-edit", head.revision(), JourneyStatus.ACTIVE, at(4));
        assertThat(head.activeVersion()).isEqualTo(2);
        assertThat(store.head(DEMO, "paused-edit")).contains(head);
    }

    @Test
    void anEndedJourneyCanNeitherBeEditedNorRevived() {
        JourneyHead head = store.create(DEMO, "ended", "Ended", definition("a"), T0);
        head = store.changeStatus(DEMO, "ended", head.revision(), JourneyStatus.ACTIVE, at(1));
        JourneyHead ended = store.changeStatus(DEMO, "ended", head.revision(), JourneyStatus.ENDED, at(2));

        assertThatThrownBy(() -> store.update(DEMO, "ended", ended.revision(), "Ended", definition("b"), at(3)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("has ended");
        assertThatThrownBy(() -> store.changeStatus(DEMO, "ended", ended.revision(), JourneyStatus.ACTIVE, at(3)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("cannot go from ENDED to ACTIVE");
        assertThat(store.head(DEMO, "ended")).contains(ended);
        assertThat(storedKeys(DEMO, "ended")).containsExactly("ended#head", "ended#v000001");
    }

    @Test
    void statusChangesOutsideTheRulesAreRefusedWithTheirReason() {
        JourneyHead draft = store.create(DEMO, "rules", "Rules", definition("a"), T0);

        assertThatThrownBy(() -> store.changeStatus(DEMO, "rules", draft.revision(), JourneyStatus.PAUSED, at(1)))
                .isInstanceOf(JourneyConflict.class)
                .hasMessageContaining("cannot go from DRAFT to PAUSED: a draft can only be activated")
                .satisfies(e -> assertThat(((JourneyConflict) e).kind()).isEqualTo(JourneyConflict.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> store.changeStatus(DEMO, "rules", draft.revision(), JourneyStatus.ENDED, at(1)))
                .isInstanceOf(JourneyConflict.class);
        JourneyHead active = store.changeStatus(DEMO, "rules", draft.revision(), JourneyStatus.ACTIVE, at(1));
        assertThatThrownBy(() -> store.changeStatus(DEMO, "rules", active.revision(), JourneyStatus.ACTIVE, at(2)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("ACTIVE to ACTIVE");
        assertThatThrownBy(() -> store.changeStatus(DEMO, "rules", active.revision(), JourneyStatus.DRAFT, at(2)))
                .isInstanceOf(JourneyConflict.class);
    }

    @Test
    void aStaleRevisionIsRefusedForEditsAndStatusChanges() {
        JourneyHead head = store.create(DEMO, "stale", "Stale", definition("a"), T0);
        store.update(DEMO, "stale", head.revision(), "Stale", definition("b"), at(1));

        assertThatThrownBy(() -> store.update(DEMO, "stale", head.revision(), "Late", definition("c"), at(2)))
                .isInstanceOf(JourneyConflict.class)
                .satisfies(e -> assertThat(((JourneyConflict) e).kind()).isEqualTo(JourneyConflict.Kind.STALE_REVISION));
        assertThatThrownBy(() -> store.changeStatus(DEMO, "stale", head.revision(), JourneyStatus.ACTIVE, at(2)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("since revision 1");
        assertThat(store.version(DEMO, "stale", 1)).contains(definition("b"));
    }

    @Test
    void concurrentEditsOfAnActiveJourneyLetExactlyOneWinAndLeaveNoStrayVersion() throws Exception {
        JourneyHead created = store.create(DEMO, "race", "Race", definition("a"), T0);
        JourneyHead active = store.changeStatus(DEMO, "race", created.revision(), JourneyStatus.ACTIVE, at(1));
        int writers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<JourneyHead>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String text = "edit-" + i;
                Callable<JourneyHead> edit = () -> {
                    go.await();
                    return store.update(DEMO, "race", active.revision(), "Race", definition(text), at(2));
                };
                results.add(pool.submit(edit));
            }
            go.countDown();
            int won = 0;
            int refused = 0;
            for (Future<JourneyHead> result : results) {
                try {
                    result.get();
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(JourneyConflict.class);
                    refused++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(refused).isEqualTo(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        JourneyHead after = store.head(DEMO, "race").orElseThrow();
        assertThat(after.latestVersion()).isEqualTo(2);
        assertThat(after.activeVersion()).isEqualTo(2);
        assertThat(after.revision()).isEqualTo(active.revision() + 1);
        assertThat(storedKeys(DEMO, "race")).containsExactly("race#head", "race#v000001", "race#v000002");
    }

    @Test
    void concurrentEditsOfADraftLetExactlyOneWinAndTheStoredDraftIsTheWinners() throws Exception {
        JourneyHead created = store.create(DEMO, "draft-race", "Draft race", definition("a"), T0);
        int writers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<JourneyHead>> results = new ArrayList<>();
        List<String> texts = List.of("w0", "w1", "w2", "w3");
        try {
            for (String text : texts) {
                results.add(pool.submit(() -> {
                    go.await();
                    store.update(DEMO, "draft-race", created.revision(), "Draft race", definition(text), at(1));
                    return null;
                }));
            }
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                try {
                    results.get(i).get();
                    winners.add(texts.get(i));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(JourneyConflict.class);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(store.version(DEMO, "draft-race", 1)).contains(definition(winners.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void journeysAreInvisibleToOtherTenantsAndListShowsHeadsOnly() {
        JourneyHead head = store.create(DEMO, "listed", "Listed", definition("a"), T0);
        store.changeStatus(DEMO, "listed", head.revision(), JourneyStatus.ACTIVE, at(1));
        store.update(DEMO, "listed", head.revision() + 1, "Listed", definition("b"), at(2));

        assertThat(store.list(DEMO)).extracting(JourneyHead::journeyId).contains("listed").doesNotHaveDuplicates();
        assertThat(store.list(OTHER)).isEmpty();
        assertThat(store.head(OTHER, "listed")).isEmpty();
        assertThat(store.version(OTHER, "listed", 1)).isEmpty();
        assertThatThrownBy(() -> store.update(OTHER, "listed", 3, "Hijack", definition("x"), at(3)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.changeStatus(OTHER, "listed", 3, JourneyStatus.ENDED, at(3)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(store.head(DEMO, "listed").orElseThrow().status()).isEqualTo(JourneyStatus.ACTIVE);
    }

    @Test
    void theHeadItemCarriesStatusAndTenantForALaterIndex() {
        store.create(DEMO, "attrs", "Attrs", definition("a"), T0);

        var item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of("pk", DefinitionKeys.s("demo#journey"),
                "sk", DefinitionKeys.s("attrs#head")))).item();
        assertThat(item.get("status").s()).isEqualTo("DRAFT");
        assertThat(item.get("tenant").s()).isEqualTo("demo");
    }

    @Test
    void idsThatWouldBreakTheKeyLayoutAreRefused() {
        assertThatThrownBy(() -> store.create(DEMO, "a#head", "x", definition("a"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journey id");
    }

    @Test
    void pagesHoldHeadsOnlyAndReadOnPastTheVersionsUntilFull() {
        TenantId tenant = TenantId.of("journey-pager");
        for (int i = 0; i < 5; i++) {
            JourneyHead head = store.create(tenant, "j-" + i, "J" + i, definition("v1"), T0);
            // Each journey gets a second version, so heads and versions interleave in the partition.
            store.update(tenant, "j-" + i, head.revision(), "J" + i, definition("v2"), at(1));
        }

        Page<JourneyHead> first = store.page(tenant, PageRequest.first(2));
        Page<JourneyHead> second = store.page(tenant, first.next().orElseThrow());
        Page<JourneyHead> third = store.page(tenant, second.next().orElseThrow());

        assertThat(first.items()).extracting(JourneyHead::journeyId).containsExactly("j-0", "j-1");
        assertThat(second.items()).extracting(JourneyHead::journeyId).containsExactly("j-2", "j-3");
        assertThat(third.items()).extracting(JourneyHead::journeyId).containsExactly("j-4");
        assertThat(third.next()).isEmpty();
        assertThat(store.page(OTHER, PageRequest.first(10)).items()).extracting(JourneyHead::journeyId)
                .doesNotContain("j-0");
    }
}
