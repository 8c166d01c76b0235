package no.dialog.core.segment.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.Preview;
import org.junit.jupiter.api.Test;

class SegmentSnapshotTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Criterion STUDENTS = Criterion.Condition.of("membership.type", Operator.EQUALS, "student");

    private final List<Contact> contacts = new RandomContacts(5, TODAY).contacts(700);
    private final SegmentSnapshot snapshot = SnapshotEvaluatorEquivalenceTest.build(contacts);

    @Test
    void keepsIdsNamesAndOrderOfTheContacts() {
        assertThat(snapshot.size()).isEqualTo(700);
        assertThat(snapshot.asOf()).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        for (int row : new int[] {0, 1, 350, 699}) {
            assertThat(snapshot.contactId(row)).isEqualTo(contacts.get(row).id());
            assertThat(snapshot.firstName(row)).isEqualTo(contacts.get(row).firstName());
            assertThat(snapshot.lastName(row)).isEqualTo(contacts.get(row).lastName());
        }
    }

    @Test
    void plainAndGzipBothReadBackToTheSameAnswers() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        snapshot.writeTo(plain, false);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        snapshot.writeTo(gzip, true);
        assertThat(gzip.size()).isLessThan(plain.size());

        for (ByteArrayOutputStream bytes : List.of(plain, gzip)) {
            SegmentSnapshot read = SegmentSnapshot.readFrom(new ByteArrayInputStream(bytes.toByteArray()));
            assertThat(read.size()).isEqualTo(snapshot.size());
            assertThat(read.asOf()).isEqualTo(snapshot.asOf());
            assertThat(ids(read, STUDENTS)).isEqualTo(ids(snapshot, STUDENTS)).isNotEmpty();
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            read.writeTo(again, false);
            assertThat(again.toByteArray()).isEqualTo(plain.toByteArray());
        }
    }

    @Test
    void refusesBytesThatAreNotASnapshotOrOfAnotherVersion() throws IOException {
        assertThatThrownBy(() -> SegmentSnapshot.readFrom(new ByteArrayInputStream("{\"id\":1}".getBytes())))
                .isInstanceOf(IOException.class).hasMessage("not a segment snapshot");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        snapshot.writeTo(bytes, false);
        byte[] newer = bytes.toByteArray();
        newer[7] = 99; // the version, right after the four magic bytes
        assertThatThrownBy(() -> SegmentSnapshot.readFrom(new ByteArrayInputStream(newer)))
                .isInstanceOf(IOException.class).hasMessageContaining("version 99 is not supported");

        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> SegmentSnapshot.readFrom(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aContactWithoutIdIsRefusedWithoutShowingItsData() {
        Contact noId = new Contact(null, null, "Kari", "Nordmann", null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> new SegmentSnapshotBuilder(Instant.EPOCH).add(noId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Kari");
    }

    @Test
    void aDateBeyondWhatTheColumnHoldsNamesTheFieldButNotTheDate() {
        Contact farOut = new Contact("C-1", null, null, null, LocalDate.of(99_999_999, 1, 1), null, null, null,
                null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> new SegmentSnapshotBuilder(Instant.EPOCH).add(farOut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("birthDate: date is out of the supported range");
    }

    @Test
    void previewAndChunksHandOutEveryMatchOnce() {
        SnapshotMatches matches = new SnapshotEvaluator().evaluate(snapshot, STUDENTS, TODAY);
        List<List<String>> chunks = new ArrayList<>();
        matches.forEachChunk(7, chunks::add);
        List<String> all = chunks.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize((int) matches.count()).doesNotHaveDuplicates();
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk).hasSize(7));

        Preview preview = matches.preview(3);
        assertThat(preview.count()).isEqualTo(matches.count());
        assertThat(preview.sample()).extracting(Preview.Sample::contactId).containsExactlyElementsOf(all.subList(0, 3));
        Contact first = contacts.stream().filter(c -> c.id().equals(all.get(0))).findFirst().orElseThrow();
        assertThat(preview.sample().get(0).firstName()).isEqualTo(first.firstName());
    }

    @Test
    void anEmptySnapshotMatchesNoOne() {
        SegmentSnapshot empty = new SegmentSnapshotBuilder(Instant.EPOCH).build();
        SnapshotMatches matches = new SnapshotEvaluator().evaluate(empty,
                new Criterion.Not(STUDENTS), TODAY);
        assertThat(matches.count()).isZero();
        assertThat(matches.chunks(10).hasNext()).isFalse();
    }

    static List<String> ids(SegmentSnapshot snapshot, Criterion criterion) {
        List<String> ids = new ArrayList<>();
        new SnapshotEvaluator().evaluate(snapshot, criterion, TODAY).forEachChunk(100, ids::addAll);
        return ids;
    }
}
