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
import java.util.function.Consumer;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.ConsentWithdrawal;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.testing.InMemoryContactChanges;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.SettableClock;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The overlay rules of ADR 0034: a snapshot plus the contacts written since it was built. */
class FreshSnapshotsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryContactChanges changes = new InMemoryContactChanges(contacts);
    private final Map<TenantId, SegmentSnapshot> stored = new HashMap<>();
    private final List<SegmentSnapshot> stores = new ArrayList<>();
    private final SegmentSnapshotStore store = new SegmentSnapshotStore() {
        @Override
        public void store(TenantId tenant, SegmentSnapshot snapshot) {
            stores.add(snapshot);
            stored.put(tenant, snapshot);
        }

        @Override
        public Optional<SegmentSnapshot> load(TenantId tenant) {
            return Optional.ofNullable(stored.get(tenant));
        }
    };

    private FreshSnapshots fresh(SnapshotFreshness freshness) {
        return new FreshSnapshots(store, contacts, changes, clock, freshness);
    }

    private FreshSnapshots fresh() {
        return fresh(new SnapshotFreshness(Duration.ofHours(6), Duration.ofSeconds(15), 3, 5));
    }

    /** Writes the contact as the replica does: the store, and its write time in the feed. */
    private void write(TenantId tenant, String id, String type) {
        contacts.upsert(tenant, new ContactJson(clock).read("{\"id\":\"" + id + "\",\"updatedAt\":\""
                + clock.instant() + "\",\"memberships\":[{\"type\":\"" + type + "\",\"status\":\"active\"}]}").contact());
        changes.written(tenant, id, clock.instant());
    }

    private void delete(String id) {
        contacts.delete(DEMO, id, clock.instant());
        changes.written(DEMO, id, clock.instant());
    }

    private static Criterion students() throws Exception {
        return SegmentDefinitions.parse(new ObjectMapper().readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}")).criterion();
    }

    private List<String> students(FreshSnapshots fresh) throws Exception {
        List<String> ids = new ArrayList<>();
        new SnapshotSegmentMatches(fresh, BehaviourHistories.NONE, clock).forEachMatch(DEMO, students(), ids::add);
        return ids;
    }

    @Test
    void aContactWrittenAfterTheSnapshotIsSeenAtOnceWithoutARebuild() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-1", "student");
        assertThat(students(fresh)).containsExactly("S-1");
        assertThat(stores).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        write(DEMO, "S-2", "student");
        write(DEMO, "S-1", "ordinary");
        clock.advance(Duration.ofSeconds(5));
        SnapshotView view = fresh.current(DEMO);

        assertThat(students(fresh)).containsExactly("S-2");
        assertThat(stores).as("no rebuild, no merge").hasSize(1);
        assertThat(view.basis()).isEqualTo(SnapshotView.Basis.STORED);
        assertThat(view.overlayContacts()).isEqualTo(2);
        assertThat(view.readAt()).isEqualTo(clock.instant());
    }

    @Test
    void aContactDeletedAfterTheSnapshotIsLeftOut() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-1", "student");
        write(DEMO, "S-2", "student");
        assertThat(students(fresh)).containsExactlyInAnyOrder("S-1", "S-2");

        clock.advance(Duration.ofMinutes(1));
        delete("S-1");

        assertThat(students(fresh)).containsExactly("S-2");
    }

    @Test
    void changesAreReadFromTheOverlapBeforeTheSnapshotSoASkewedClockLosesNothing() throws Exception {
        Instant asOf = clock.instant();
        stored.put(DEMO, new SegmentSnapshotBuilder(asOf).build());
        // Written before the snapshot's asOf by another function's clock, yet not in the snapshot.
        clock.set(asOf.minusSeconds(10));
        write(DEMO, "S-1", "student");
        clock.set(asOf.minusSeconds(20));
        write(DEMO, "S-2", "student");
        clock.set(asOf.plusSeconds(1));

        assertThat(students(fresh())).as("within the 15 s overlap only").containsExactly("S-1");
    }

    @Test
    void anOverlayOfMergeAtContactsIsFoldedIntoANewStoredSnapshotAsOfItsRead() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-1", "student");
        fresh.current(DEMO);
        clock.advance(Duration.ofMinutes(1));
        write(DEMO, "S-2", "student");
        write(DEMO, "S-3", "student");
        write(DEMO, "O-1", "ordinary");
        clock.advance(Duration.ofSeconds(20));

        SnapshotView merged = fresh.current(DEMO);

        assertThat(merged.basis()).isEqualTo(SnapshotView.Basis.MERGED);
        assertThat(merged.overlayContacts()).isZero();
        assertThat(stores).hasSize(2);
        assertThat(stored.get(DEMO).asOf()).isEqualTo(clock.instant());
        assertThat(stored.get(DEMO).size()).isEqualTo(4);
        assertThat(students(fresh)).containsExactlyInAnyOrder("S-1", "S-2", "S-3");

        // The changes lie before the merged snapshot's overlap: it needs no overlay.
        clock.advance(Duration.ofSeconds(20));
        SnapshotView next = fresh.current(DEMO);
        assertThat(next.basis()).isEqualTo(SnapshotView.Basis.STORED);
        assertThat(next.overlayContacts()).isZero();
        assertThat(stores).hasSize(2);
    }

    @Test
    void tooManyChangesToOverlayRebuildFromTheRegister() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-0", "student");
        fresh.current(DEMO);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 1; i <= 6; i++) {
            write(DEMO, "S-" + i, "student");
        }
        clock.advance(Duration.ofMinutes(1));

        SnapshotView view = fresh.current(DEMO);

        assertThat(view.basis()).isEqualTo(SnapshotView.Basis.REBUILT);
        assertThat(view.snapshotAsOf()).isEqualTo(clock.instant());
        assertThat(students(fresh)).hasSize(7);
    }

    @Test
    void noSnapshotOneTooOldOrOneFromTheFutureIsRebuilt() throws Exception {
        FreshSnapshots fresh = fresh(SnapshotFreshness.standard(Duration.ofMinutes(10)));
        write(DEMO, "S-1", "student");
        assertThat(fresh.current(DEMO).basis()).isEqualTo(SnapshotView.Basis.REBUILT);

        clock.advance(Duration.ofMinutes(9));
        assertThat(fresh.current(DEMO).basis()).isEqualTo(SnapshotView.Basis.STORED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(fresh.current(DEMO).basis()).isEqualTo(SnapshotView.Basis.REBUILT);

        clock.advance(Duration.ofHours(-1));
        assertThat(fresh.current(DEMO).basis()).isEqualTo(SnapshotView.Basis.REBUILT);
        assertThat(stores).hasSize(3);
    }

    @Test
    void changesWrittenWhileTheRegisterIsReadAreLaidOverTheRebuild() throws Exception {
        // The rebuild's asOf is when its read began; a write during the read may or may not be in it.
        ContactStoreThatChangesWhileRead racing = new ContactStoreThatChangesWhileRead();
        FreshSnapshots fresh = new FreshSnapshots(store, racing, changes, clock, SnapshotFreshness.standard(Duration.ofHours(6)));

        SnapshotView view = fresh.current(DEMO);

        assertThat(view.basis()).isEqualTo(SnapshotView.Basis.REBUILT);
        assertThat(view.overlay().upserts()).containsOnlyKeys("S-late");
        List<String> ids = new ArrayList<>();
        new SnapshotSegmentMatches(fresh, BehaviourHistories.NONE, clock).forEachMatch(DEMO, students(), ids::add);
        assertThat(ids).contains("S-late");
    }

    @Test
    void anotherTenantsChangesAreNotLaidOver() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-1", "student");
        clock.advance(Duration.ofSeconds(20));
        fresh.current(DEMO);
        clock.advance(Duration.ofMinutes(1));
        write(OTHER, "S-9", "student");

        SnapshotView view = fresh.current(DEMO);

        assertThat(view.overlayContacts()).isZero();
        assertThat(students(fresh)).containsExactly("S-1");
    }

    @Test
    void anEvaluationSaysWhatItRead() throws Exception {
        FreshSnapshots fresh = fresh();
        write(DEMO, "S-1", "student");
        clock.advance(Duration.ofSeconds(20));
        fresh.current(DEMO);
        Instant asOf = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        write(DEMO, "S-2", "student");

        SegmentEvaluation evaluation = new SnapshotSegmentMatches(fresh, BehaviourHistories.NONE, clock)
                .evaluate(DEMO, students(), id -> { });

        assertThat(evaluation).isEqualTo(new SegmentEvaluation(2, clock.instant(), asOf, 1, "stored"));
    }

    /** A register in which S-late is written (and recorded in the feed) while the rebuild reads it. */
    private final class ContactStoreThatChangesWhileRead implements ContactStore {
        @Override
        public void forEach(TenantId tenant, Consumer<Contact> sink) {
            contacts.forEach(tenant, sink);
            clock.advance(Duration.ofSeconds(3));
            write(DEMO, "S-late", "student");
            clock.advance(Duration.ofSeconds(3));
        }

        @Override
        public Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> list) {
            return contacts.upsertAll(tenant, list);
        }

        @Override
        public WriteOutcome upsert(TenantId tenant, Contact contact) {
            return contacts.upsert(tenant, contact);
        }

        @Override
        public WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt) {
            return contacts.delete(tenant, contactId, updatedAt);
        }

        @Override
        public Optional<Contact> find(TenantId tenant, String contactId) {
            return contacts.find(tenant, contactId);
        }

        @Override
        public ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId, Channel channel, Consent withdrawn) {
            return contacts.withdrawConsent(tenant, contactId, channel, withdrawn);
        }

        @Override
        public long count(TenantId tenant) {
            return contacts.count(tenant);
        }
    }
}
