package no.dialog.core.segment.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentEvaluator;
import org.junit.jupiter.api.Test;

/**
 * A snapshot with a delta laid over it, and the snapshot the delta is merged into, must both answer
 * as the register after the changes would.
 */
class SnapshotDeltaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void overlayAndMergeAnswerAsTheChangedRegister() {
        RandomContacts random = new RandomContacts(99, TODAY);
        List<Contact> before = random.contacts(1_500);
        SegmentSnapshot base = SnapshotEvaluatorEquivalenceTest.build(before);

        Map<String, Contact> register = new LinkedHashMap<>();
        before.forEach(c -> register.put(c.id(), c));
        SnapshotDelta delta = SnapshotDelta.EMPTY;
        for (int i = 0; i < 200; i++) {
            String id = "C-" + (i * 7);
            if (i % 5 == 0) {
                delta = delta.delete(id);
                register.remove(id);
            } else {
                Contact changed = random.contact(id);
                delta = delta.upsert(changed);
                register.put(id, changed);
            }
        }
        for (int i = 0; i < 50; i++) {
            Contact added = random.contact("NEW-" + i);
            delta = delta.upsert(added);
            register.put(added.id(), added);
        }
        SegmentSnapshot merged = SnapshotUpdates.merge(base, delta, Instant.parse("2026-11-30T04:00:00Z"));
        assertThat(merged.size()).isEqualTo(register.size());
        assertThat(merged.asOf()).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));

        RandomCriteria criteria = new RandomCriteria(3, TODAY);
        SnapshotEvaluator evaluator = new SnapshotEvaluator();
        int differsFromBase = 0;
        for (int i = 0; i < 150; i++) {
            JsonNode json = criteria.tree(2);
            Criterion criterion = RandomCriteria.parse(json);
            List<String> expected = register.values().stream()
                    .filter(c -> SegmentEvaluator.matches(c, criterion, TODAY)).map(Contact::id).sorted().toList();
            assertThat(sorted(evaluator.evaluate(base, delta, criterion, TODAY)))
                    .as("overlay: %s", RandomCriteria.show(json)).isEqualTo(expected);
            assertThat(sorted(evaluator.evaluate(merged, criterion, TODAY)))
                    .as("merged: %s", RandomCriteria.show(json)).isEqualTo(expected);
            if (!sorted(evaluator.evaluate(base, criterion, TODAY)).equals(expected)) {
                differsFromBase++;
            }
        }
        assertThat(differsFromBase).as("the changes must matter to the answers").isGreaterThan(30);
    }

    @Test
    void anOlderVersionDoesNotReplaceANewerOneAndAnUpsertUndoesADelete() {
        RandomContacts random = new RandomContacts(1, TODAY);
        Contact newer = withUpdatedAt(random.contact("C-1"), "2026-11-30T10:00:00Z");
        Contact older = withUpdatedAt(random.contact("C-1"), "2026-11-30T09:00:00Z");

        SnapshotDelta delta = SnapshotDelta.EMPTY.upsert(newer).upsert(older);
        assertThat(delta.upserts().get("C-1")).isSameAs(newer);

        SnapshotDelta deleted = delta.delete("C-1");
        assertThat(deleted.upserts()).isEmpty();
        assertThat(deleted.deletions()).containsExactly("C-1");
        SnapshotDelta back = deleted.upsert(newer);
        assertThat(back.deletions()).isEmpty();
        assertThat(back.size()).isEqualTo(1);
        assertThat(SnapshotDelta.EMPTY.isEmpty()).isTrue();

        SnapshotDelta built = SnapshotDelta.builder().upsert(newer).upsert(older).delete("C-2").build();
        assertThat(built.upserts().get("C-1")).isSameAs(newer);
        assertThat(built.deletions()).containsExactly("C-2");
    }

    private static Contact withUpdatedAt(Contact c, String at) {
        return new Contact(c.id(), Instant.parse(at), c.firstName(), c.lastName(), c.birthDate(), c.phone(),
                c.email(), c.address(), c.memberships(), c.donor(), c.events(), c.roles(), c.volunteerAreas(),
                c.consents(), c.reservations(), c.attributes());
    }

    private static List<String> sorted(SnapshotMatches matches) {
        List<String> ids = new ArrayList<>();
        matches.forEachChunk(64, ids::addAll);
        assertThat(matches.count()).isEqualTo(ids.size());
        return ids.stream().sorted().toList();
    }
}
