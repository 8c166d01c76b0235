package no.dialog.core.segment.snapshot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.Preview;

/**
 * The contacts a segment matched in a snapshot (and its delta): a count, a preview sample, and the
 * ids in chunks for enrolment. Holds a bitset of rows, so it costs one bit per contact however many
 * match; ids are made only as they are handed out.
 * <pre>{@code
 * matches.forEachChunk(500, ids -> enrolment.enrol(journey, ids));
 * }</pre>
 */
public final class SnapshotMatches {

    private final SegmentSnapshot snapshot;
    private final long[] rows;
    private final List<Contact> changed;
    private final long count;

    SnapshotMatches(SegmentSnapshot snapshot, long[] rows, List<Contact> changed) {
        this.snapshot = snapshot;
        this.rows = rows;
        this.changed = List.copyOf(changed);
        this.count = Bits.count(rows) + changed.size();
    }

    public long count() {
        return count;
    }

    /** The count with the first {@code sampleSize} matches, for the admin UI. */
    public Preview preview(int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must be 0 or more");
        }
        List<Preview.Sample> sample = new ArrayList<>(Math.min(sampleSize, 100));
        for (int row = Bits.next(rows, 0); row >= 0 && sample.size() < sampleSize; row = Bits.next(rows, row + 1)) {
            sample.add(new Preview.Sample(snapshot.contactId(row), snapshot.firstName(row), snapshot.lastName(row)));
        }
        for (int i = 0; i < changed.size() && sample.size() < sampleSize; i++) {
            Contact c = changed.get(i);
            sample.add(new Preview.Sample(c.id(), c.firstName(), c.lastName()));
        }
        return new Preview(count, sample);
    }

    /** The matching contact ids, {@code chunkSize} at a time (the last chunk may be smaller). */
    public Iterator<List<String>> chunks(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be 1 or more");
        }
        return new Iterator<>() {
            private int nextRow = Bits.next(rows, 0);
            private int nextChanged;

            @Override
            public boolean hasNext() {
                return nextRow >= 0 || nextChanged < changed.size();
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<String> chunk = new ArrayList<>(chunkSize);
                while (chunk.size() < chunkSize && nextRow >= 0) {
                    chunk.add(snapshot.contactId(nextRow));
                    nextRow = Bits.next(rows, nextRow + 1);
                }
                while (chunk.size() < chunkSize && nextChanged < changed.size()) {
                    chunk.add(changed.get(nextChanged++).id());
                }
                return chunk;
            }
        };
    }

    /** Hands every matching id to {@code sink}, {@code chunkSize} at a time. */
    public void forEachChunk(int chunkSize, Consumer<List<String>> sink) {
        for (Iterator<List<String>> it = chunks(chunkSize); it.hasNext(); ) {
            sink.accept(it.next());
        }
    }
}
