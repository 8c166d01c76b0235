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
import no.dialog.core.journey.JourneyEvent;
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
    private static final TenantId RUNTIME = TenantId.of("runtime");
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

    // ---- experiment winners ----

    /** The student example with two variants at "ask" in an experiment with a 10 % holdout. */
    private static JsonNode experiment() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode student = (com.fasterxml.jackson.databind.node.ObjectNode)
                MAPPER.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/examples/student-journey.json")));
        com.fasterxml.jackson.databind.node.ObjectNode ask = (com.fasterxml.jackson.databind.node.ObjectNode) student.get("steps").get(0);
        ask.remove("templateId");
        ask.set("variants", MAPPER.readTree("[{\"name\": \"A\", \"templateId\": \"student-ask\", \"weight\": 1},"
                + " {\"name\": \"B\", \"templateId\": \"student-ask-b\", \"weight\": 1}]"));
        student.set("experiment", MAPPER.readTree("{\"step\": \"ask\", \"metric\": \"goal-conversion\","
                + " \"holdoutPercent\": 10, \"autoWinner\": true}"));
        return student;
    }

    private static JourneyHead activeExperiment(String journeyId) throws Exception {
        return activeExperiment(DEMO, journeyId);
    }

    private static JourneyHead activeExperiment(TenantId tenant, String journeyId) throws Exception {
        JourneyHead head = store.create(tenant, journeyId, "Student", experiment(), T0);
        return store.changeStatus(tenant, journeyId, head.revision(), JourneyStatus.ACTIVE, at(1));
    }

    @Test
    void aDeclaredWinnerIsKeptOnTheHeadAndInTheJourneysHistory() throws Exception {
        JourneyHead active = activeExperiment("winner");

        JourneyHead declared = store.declareWinner(DEMO, "winner", 1, "B", "B better: conversion 12.1 % against 9.8 %",
                at(10));

        assertThat(declared.winner(1)).isEqualTo("B");
        assertThat(declared.revision()).isEqualTo(active.revision() + 1);
        assertThat(store.head(DEMO, "winner")).contains(declared);
        assertThat(store.list(DEMO)).contains(declared);
        assertThat(store.history(DEMO, "winner")).containsExactly(new JourneyEvent(at(10),
                JourneyEvent.WINNER_DECLARED, 1, "B", "B better: conversion 12.1 % against 9.8 %"));
        assertThat(storedKeys(DEMO, "winner")).containsExactly("winner#head",
                "winner#history#" + at(10) + "#v000001", "winner#v000001");
    }

    @Test
    void declaringTheSameWinnerTwiceWritesOnceAndAnotherIsRefused() throws Exception {
        activeExperiment("winner-twice");
        JourneyHead declared = store.declareWinner(DEMO, "winner-twice", 1, "A", "A better", at(10));

        JourneyHead again = store.declareWinner(DEMO, "winner-twice", 1, "A", "A better", at(11));

        assertThat(again).isEqualTo(declared);
        assertThat(store.history(DEMO, "winner-twice")).hasSize(1);
        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-twice", 1, "B", "B better", at(12)))
                .isInstanceOf(JourneyConflict.class).hasMessage("version 1 of journey winner-twice already has a winner");
        assertThat(store.head(DEMO, "winner-twice")).contains(declared);
    }

    @Test
    void aWinnerOutlivesEditsOfTheJourneyAndBelongsToItsVersion() throws Exception {
        activeExperiment("winner-edit");
        JourneyHead declared = store.declareWinner(DEMO, "winner-edit", 1, "B", "B better", at(10));

        JourneyHead edited = store.update(DEMO, "winner-edit", declared.revision(), "Student", experiment(), at(11));
        JourneyHead paused = store.changeStatus(DEMO, "winner-edit", edited.revision(), JourneyStatus.PAUSED, at(12));

        assertThat(paused.winners()).isEqualTo(Map.of(1, "B"));
        assertThat(store.head(DEMO, "winner-edit").orElseThrow().winner(2)).as("version 2 runs its own experiment")
                .isNull();
    }

    @Test
    void aWinnerTheRulesRefuseChangesNothing() throws Exception {
        JourneyHead active = activeExperiment("winner-refused");
        JourneyHead draft = store.create(DEMO, "winner-draft", "Draft", experiment(), T0);
        JourneyHead plain = store.create(DEMO, "winner-plain", "Plain", MAPPER.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/examples/student-journey.json"))), T0);
        store.changeStatus(DEMO, "winner-plain", plain.revision(), JourneyStatus.ACTIVE, at(1));

        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-refused", 1, "holdout", "holdout best", at(10)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("one of the experiment's variants or paths");
        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-draft", 1, "A", "A better", at(10)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("is a draft");
        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-plain", 1, "A", "A better", at(10)))
                .isInstanceOf(JourneyConflict.class).hasMessageContaining("has no experiment");
        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-refused", 2, "A", "A better", at(10)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.declareWinner(OTHER, "winner-refused", 1, "A", "A better", at(10)))
                .as("another tenant's journey is missing").isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.declareWinner(DEMO, "winner-refused", 1, "A", " ", at(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.head(DEMO, "winner-refused")).contains(active);
        assertThat(store.head(DEMO, "winner-draft")).contains(draft);
        assertThat(store.history(DEMO, "winner-refused")).isEmpty();
    }

    @Test
    void theRuntimeCatalogGivesTheVersionItsWinnerWithinTheHeadsFewSeconds() throws Exception {
        // A tenant of its own: the catalog parses every active journey of the tenant, and the other tests'
        // definitions are placeholders.
        activeExperiment(RUNTIME, "winner-runtime");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(at(2));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        StoredJourneyCatalog catalog = new StoredJourneyCatalog(store, clock);
        assertThat(catalog.version(RUNTIME, "winner-runtime", 1).orElseThrow().winner()).isNull();

        store.declareWinner(RUNTIME, "winner-runtime", 1, "B", "B better", at(3));
        now.set(at(3).plus(StoredJourneyCatalog.HEAD_TTL).plusSeconds(1));

        assertThat(catalog.version(RUNTIME, "winner-runtime", 1).orElseThrow().winner()).isEqualTo("B");
        assertThat(catalog.active(RUNTIME)).filteredOn(v -> v.journeyId().equals("winner-runtime"))
                .extracting(no.dialog.core.journey.JourneyVersion::winner).containsExactly("B");
    }
}
