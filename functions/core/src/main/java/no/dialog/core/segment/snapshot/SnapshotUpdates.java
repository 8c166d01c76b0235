package no.dialog.core.segment.snapshot;

import java.time.Instant;
import no.dialog.core.contact.Contact;

/**
 * Folds a {@link SnapshotDelta} into a snapshot, giving a new snapshot (the old one is untouched).
 * Unchanged rows are copied column by column in their order; changed and new contacts follow at the
 * end. Costs one pass over the snapshot, not a read of the register: cheap enough to run whenever the
 * delta has grown past a few thousand contacts (see ADR 0004).
 * <pre>{@code
 * SegmentSnapshot fresh = SnapshotUpdates.merge(snapshot, delta, Instant.now());
 * }</pre>
 */
public final class SnapshotUpdates {

    private SnapshotUpdates() {}

    /** @param asOf the new snapshot's freshness: when the newest change in the delta was read */
    public static SegmentSnapshot merge(SegmentSnapshot base, SnapshotDelta delta, Instant asOf) {
        long[] replaced = replacedRows(base, delta);
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(asOf);
        for (int row = 0; row < base.size(); row++) {
            if (!Bits.get(replaced, row)) {
                builder.addRow(base, row);
            }
        }
        for (Contact contact : delta.upserts().values()) {
            builder.add(contact);
        }
        return builder.build();
    }

    /** Rows of {@code base} that the delta changes or deletes. */
    static long[] replacedRows(SegmentSnapshot base, SnapshotDelta delta) {
        long[] replaced = Bits.create(base.size());
        if (delta.isEmpty()) {
            return replaced;
        }
        SnapshotIdIndex index = base.idIndex();
        for (String id : delta.upserts().keySet()) {
            markRow(index, id, replaced);
        }
        for (String id : delta.deletions()) {
            markRow(index, id, replaced);
        }
        return replaced;
    }

    private static void markRow(SnapshotIdIndex index, String id, long[] replaced) {
        int row = index.rowOf(id);
        if (row >= 0) {
            Bits.set(replaced, row);
        }
    }
}
