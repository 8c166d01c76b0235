package no.dialog.core.segment.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.BehaviourLookup;
import no.dialog.core.segment.Criteria;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentEvaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot evaluator must answer exactly as {@link SegmentEvaluator} does, contact by contact, for
 * every field, every operator and nested all/any/not, on several "today"s (a leap day, a year end,
 * an ordinary day), with random behaviour histories and predictions for most contacts (and some people
 * who are not contacts). Random but seeded, so a failure repeats and prints the definition that failed.
 */
class SnapshotEvaluatorEquivalenceTest {

    private static final int CONTACTS = 2_000;

    static Stream<LocalDate> days() {
        return Stream.of(LocalDate.of(2026, 11, 30), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @MethodSource("days")
    void everyFieldAndOperatorAloneMatchesTheSameContacts(LocalDate today) throws IOException {
        List<Contact> contacts = new RandomContacts(today.toEpochDay(), today).contacts(CONTACTS);
        SegmentSnapshot snapshot = roundTrip(build(contacts));
        BehaviourLookup behaviour = BehaviourLookup.withPredictions(
                BehaviourLookup.of(new RandomHistories(today.toEpochDay()).forContacts(contacts)),
                new RandomPredictions(today.toEpochDay() * 19).forContacts(contacts));
        RandomCriteria criteria = new RandomCriteria(17 + today.toEpochDay(), today);
        int checked = 0;
        int behaviourMatched = 0;
        int predictedMatched = 0;
        for (JsonNode json : criteria.everyFieldAndOperator()) {
            long count = assertSame(snapshot, SnapshotDelta.EMPTY, contacts, behaviour, json, today);
            if (Criteria.usesBehaviour(RandomCriteria.parse(json)) && count > 0) {
                behaviourMatched++;
            }
            if (Criteria.usesPredictions(RandomCriteria.parse(json)) && count > 0 && count < CONTACTS) {
                predictedMatched++;
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
        // Every behaviour field with equals and in: most must match someone, or the comparison says little.
        assertThat(behaviourMatched).isGreaterThanOrEqualTo(10);
        // 13 predicted fields with 4 to 8 operators each: most must split the contacts.
        assertThat(predictedMatched).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest
    @MethodSource("days")
    void nestedDefinitionsMatchTheSameContacts(LocalDate today) {
        List<Contact> contacts = new RandomContacts(today.toEpochDay() * 31, today).contacts(CONTACTS);
        SegmentSnapshot snapshot = build(contacts);
        BehaviourLookup behaviour = BehaviourLookup.withPredictions(
                BehaviourLookup.of(new RandomHistories(today.toEpochDay() * 3).forContacts(contacts)),
                new RandomPredictions(today.toEpochDay() * 29).forContacts(contacts));
        RandomCriteria criteria = new RandomCriteria(today.toEpochDay() * 7, today);
        long nonTrivial = 0;
        for (int i = 0; i < 150; i++) {
            long count = assertSame(snapshot, SnapshotDelta.EMPTY, contacts, behaviour, criteria.tree(3), today);
            if (count > 0 && count < CONTACTS) {
                nonTrivial++;
            }
        }
        // The comparison means little if nearly every definition matched no one or everyone.
        assertThat(nonTrivial).isGreaterThan(45);
    }

    @ParameterizedTest
    @MethodSource("days")
    void behaviourWithADeltaMatchesTheSameContacts(LocalDate today) {
        List<Contact> base = new RandomContacts(today.toEpochDay() * 13, today).contacts(CONTACTS);
        SegmentSnapshot snapshot = build(base);
        // A tenth changed (new random contacts under the same ids), some new ones, a few deleted.
        RandomContacts changes = new RandomContacts(today.toEpochDay() * 17, today);
        SnapshotDelta.Builder delta = SnapshotDelta.builder();
        List<Contact> now = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (i % 10 == 0) {
                Contact changed = changes.contact(base.get(i).id());
                delta.upsert(changed);
                now.add(changed);
            } else if (i % 97 == 0) {
                delta.delete(base.get(i).id());
            } else {
                now.add(base.get(i));
            }
        }
        for (int i = 0; i < 100; i++) {
            Contact added = changes.contact("NEW-" + i);
            delta.upsert(added);
            now.add(added);
        }
        BehaviourLookup behaviour = BehaviourLookup.withPredictions(
                BehaviourLookup.of(new RandomHistories(today.toEpochDay() * 5).forContacts(now)),
                new RandomPredictions(today.toEpochDay() * 23).forContacts(now));
        RandomCriteria criteria = new RandomCriteria(today.toEpochDay() * 11, today);
        SnapshotDelta built = delta.build();
        long nonTrivial = 0;
        for (int i = 0; i < 120; i++) {
            JsonNode json = i % 3 == 0 ? criteria.treeWithBehaviour(2)
                    : i % 3 == 1 ? criteria.treeWithPrediction(2) : criteria.tree(3);
            long count = assertSame(snapshot, built, orderedAsEvaluated(base, built), behaviour, json, today);
            if (count > 0 && count < now.size()) {
                nonTrivial++;
            }
        }
        assertThat(nonTrivial).isGreaterThan(40);
    }

    /** The contacts in the order the snapshot evaluator hands them out: kept base rows, then the delta's. */
    private static List<Contact> orderedAsEvaluated(List<Contact> base, SnapshotDelta delta) {
        List<Contact> ordered = new ArrayList<>();
        for (Contact contact : base) {
            if (!delta.upserts().containsKey(contact.id()) && !delta.deletions().contains(contact.id())) {
                ordered.add(contact);
            }
        }
        ordered.addAll(delta.upserts().values());
        return ordered;
    }

    /** Compares both evaluators on every contact; returns how many matched. */
    private static long assertSame(SegmentSnapshot snapshot, SnapshotDelta delta, List<Contact> contacts,
                                   BehaviourLookup behaviour, JsonNode json, LocalDate today) {
        Criterion criterion = RandomCriteria.parse(json);
        List<String> expected = new ArrayList<>();
        for (Contact contact : contacts) {
            if (SegmentEvaluator.matches(contact, behaviour.of(contact.id()), criterion, today)) {
                expected.add(contact.id());
            }
        }
        List<String> actual = new ArrayList<>();
        SnapshotMatches matches = new SnapshotEvaluator().evaluate(snapshot, delta, behaviour, criterion, today);
        matches.forEachChunk(500, actual::addAll);
        assertThat(actual).as("%s on %s", RandomCriteria.show(json), today).isEqualTo(expected);
        assertThat(matches.count()).isEqualTo(expected.size());
        return expected.size();
    }

    static SegmentSnapshot build(List<Contact> contacts) {
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(Instant.parse("2026-11-30T03:00:00Z"));
        contacts.forEach(builder::add);
        return builder.build();
    }

    static SegmentSnapshot roundTrip(SegmentSnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        snapshot.writeTo(bytes, true);
        return SegmentSnapshot.readFrom(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
