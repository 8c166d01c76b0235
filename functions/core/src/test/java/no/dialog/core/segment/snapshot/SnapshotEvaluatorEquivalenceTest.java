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
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentEvaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snapshot evaluator must answer exactly as {@link SegmentEvaluator} does, contact by contact, for
 * every field, every operator and nested all/any/not, on several "today"s (a leap day, a year end,
 * an ordinary day). Random but seeded, so a failure repeats and prints the definition that failed.
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
        RandomCriteria criteria = new RandomCriteria(17 + today.toEpochDay(), today);
        int checked = 0;
        for (JsonNode json : criteria.everyFieldAndOperator()) {
            assertSame(snapshot, contacts, json, today);
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @ParameterizedTest
    @MethodSource("days")
    void nestedDefinitionsMatchTheSameContacts(LocalDate today) {
        List<Contact> contacts = new RandomContacts(today.toEpochDay() * 31, today).contacts(CONTACTS);
        SegmentSnapshot snapshot = build(contacts);
        RandomCriteria criteria = new RandomCriteria(today.toEpochDay() * 7, today);
        long nonTrivial = 0;
        for (int i = 0; i < 150; i++) {
            long count = assertSame(snapshot, contacts, criteria.tree(3), today);
            if (count > 0 && count < CONTACTS) {
                nonTrivial++;
            }
        }
        // The comparison means little if nearly every definition matched no one or everyone.
        assertThat(nonTrivial).isGreaterThan(45);
    }

    /** Compares both evaluators on every contact; returns how many matched. */
    private static long assertSame(SegmentSnapshot snapshot, List<Contact> contacts, JsonNode json, LocalDate today) {
        Criterion criterion = RandomCriteria.parse(json);
        List<String> expected = new ArrayList<>();
        for (Contact contact : contacts) {
            if (SegmentEvaluator.matches(contact, criterion, today)) {
                expected.add(contact.id());
            }
        }
        List<String> actual = new ArrayList<>();
        SnapshotMatches matches = new SnapshotEvaluator().evaluate(snapshot, criterion, today);
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
