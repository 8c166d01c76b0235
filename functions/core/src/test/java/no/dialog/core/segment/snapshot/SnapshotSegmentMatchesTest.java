package no.dialog.core.segment.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.segment.ContactScanMatches;
import no.dialog.core.segment.HistoriesWithPredictions;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.SettableClock;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class SnapshotSegmentMatchesTest {

    private static final TenantId DEMO = TenantId.of("demo");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Map<TenantId, SegmentSnapshot> stored = new HashMap<>();
    private int stores;
    private final SegmentSnapshotStore store = new SegmentSnapshotStore() {
        @Override
        public void store(TenantId tenant, SegmentSnapshot snapshot) {
            stores++;
            stored.put(tenant, snapshot);
        }

        @Override
        public Optional<SegmentSnapshot> load(TenantId tenant) {
            return Optional.ofNullable(stored.get(tenant));
        }
    };

    /** Without a change feed: only a rebuild sees a change (the overlay is FreshSnapshotsTest's). */
    private SnapshotSegmentMatches matches(Duration rebuildAfter, BehaviourHistories histories) {
        return new SnapshotSegmentMatches(new FreshSnapshots(store, contacts, ContactChangeFeed.NONE, clock,
                SnapshotFreshness.standard(rebuildAfter)), histories, clock);
    }

    private void student(String id) {
        contacts.upsert(DEMO, new ContactJson(clock).read("{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                + "\"memberships\":[{\"type\":\"student\",\"status\":\"active\"}]}").contact());
    }

    private static Criterion students() throws Exception {
        return SegmentDefinitions.parse(new ObjectMapper().readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}")).criterion();
    }

    @Test
    void aPredictedSegmentReadsTheTenantsTableAndLeavesOutWhoeverObjects() throws Exception {
        student("S-1");
        student("S-2");
        student("S-3");
        contacts.upsert(DEMO, new ContactJson(clock).read("{\"id\":\"S-4\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                + "\"reservations\":{\"objectsToProfiling\":true}}").contact());
        PredictionTable.Builder builder = PredictionTable.builder(clock.instant(), Set.of(ModelKind.DROPOUT_RISK));
        int decile = 7;
        for (String id : List.of("S-1", "S-2", "S-4", "GONE")) {
            builder.add(id, new Prediction(Map.of(ModelKind.DROPOUT_RISK, new Prediction.Score(0.5, decile++)),
                    Optional.empty(), Optional.empty()));
        }
        PredictionTable table = builder.build();
        PredictionTables tables = new PredictionTables() {
            @Override
            public Optional<PredictionTable> latest(TenantId tenant) {
                return tenant.equals(DEMO) ? Optional.of(table) : Optional.empty();
            }

            @Override
            public void publish(TenantId tenant, PredictionTable t) {}

            @Override
            public boolean erase(TenantId tenant, String contactId) {
                return false;
            }
        };
        BehaviourHistories histories = new HistoriesWithPredictions(BehaviourHistories.NONE, tables);
        Criterion top = SegmentDefinitions.parse(new ObjectMapper().readTree(
                "{\"field\":\"predicted.dropoutRiskDecile\",\"op\":\"greaterThan\",\"value\":7}")).criterion();

        List<String> bySnapshot = new ArrayList<>();
        matches(Duration.ofMinutes(10), histories).forEachMatch(DEMO, top, bySnapshot::add);
        List<String> byScan = new ArrayList<>();
        new ContactScanMatches(contacts, histories, clock).forEachMatch(DEMO, top, byScan::add);

        // S-1 is in the 7th decile, S-3 not scored, S-4 (9th) objects to profiling, GONE is no contact.
        assertThat(bySnapshot).containsExactly("S-2");
        assertThat(byScan).containsExactly("S-2");
        assertThat(matches(Duration.ofMinutes(10), histories).forEachMatch(TenantId.of("other"), top, id -> {})).isZero();
    }

    @Test
    void aFreshSnapshotIsUsedAndAStaleOneIsRebuiltFromTheStore() throws Exception {
        SnapshotSegmentMatches matches = matches(Duration.ofMinutes(10), BehaviourHistories.NONE);
        student("S-1");
        List<String> seen = new ArrayList<>();

        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(1);
        student("S-2");
        clock.advance(Duration.ofMinutes(5));
        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(1);
        assertThat(stores).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(2);
        assertThat(stores).isEqualTo(2);
        assertThat(seen.subList(0, 2)).containsExactly("S-1", "S-1");
        assertThat(seen.subList(2, 4)).containsExactlyInAnyOrder("S-1", "S-2");
    }

    @Test
    void behaviourIsReadPerEvaluationForTheNamedJourneysBySnapshotAndScanAlike() throws Exception {
        student("S-1");
        student("S-2");
        student("S-3");
        List<Set<String>> asked = new ArrayList<>();
        Map<String, ContactHistory> now = new HashMap<>(Map.of("S-2", new ContactHistory(Set.of("student-2026"),
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of())));
        BehaviourHistories histories = (tenant, journeyIds) -> {
            asked.add(journeyIds);
            return Map.copyOf(now);
        };
        Criterion inJourney = SegmentDefinitions.parse(new ObjectMapper().readTree("""
                {"all":[{"field":"membership.type","op":"equals","value":"student"},
                        {"not":{"field":"journey.inNow","op":"equals","value":"student-2026"}}]}""")).criterion();
        SegmentMatches snapshot = matches(Duration.ofMinutes(10), histories);
        SegmentMatches scan = new ContactScanMatches(contacts, histories, clock);

        for (SegmentMatches matches : List.of(snapshot, scan)) {
            List<String> seen = new ArrayList<>();
            assertThat(matches.forEachMatch(DEMO, inJourney, seen::add)).isEqualTo(2);
            assertThat(seen).containsExactlyInAnyOrder("S-1", "S-3");
        }
        // The snapshot is kept, the histories are not: S-3 entering the journey shows at once.
        now.put("S-3", now.get("S-2"));
        List<String> seen = new ArrayList<>();
        assertThat(snapshot.forEachMatch(DEMO, inJourney, seen::add)).isEqualTo(1);
        assertThat(seen).containsExactly("S-1");
        assertThat(stores).isEqualTo(1);
        assertThat(asked).containsOnly(Set.of("student-2026")).hasSize(3);
        // Criteria over contact fields only never ask.
        snapshot.forEachMatch(DEMO, students(), id -> { });
        scan.forEachMatch(DEMO, students(), id -> { });
        assertThat(asked).hasSize(3);
    }

    @Test
    void aPreviewCountsAndSamplesFromTheSnapshot() throws Exception {
        SnapshotSegmentMatches matches = matches(Duration.ofMinutes(1), BehaviourHistories.NONE);
        student("S-1");
        student("S-2");
        student("S-3");

        var preview = matches.preview(DEMO, students(), 2);

        assertThat(preview.count()).isEqualTo(3);
        assertThat(preview.sample()).hasSize(2);
        assertThat(stores).isEqualTo(1);
    }
}
