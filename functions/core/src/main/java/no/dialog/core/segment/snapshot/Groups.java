package no.dialog.core.segment.snapshot;

import java.io.IOException;

/**
 * Where each row's entries of a multi-valued field lie: row {@code r} owns entries
 * {@code offsets[r] .. offsets[r+1]-1}. Membership fields share one Groups (one entry per membership),
 * so "any membership matches" is a scan of that row's slice.
 */
final class Groups {

    final int[] offsets;

    Groups(int[] offsets) {
        this.offsets = offsets;
    }

    int start(int row) {
        return offsets[row];
    }

    int end(int row) {
        return offsets[row + 1];
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeInts(offsets);
    }

    static Groups readFrom(SnapshotInput in, int rows) throws IOException {
        int[] offsets = in.readInts();
        if (offsets.length != rows + 1 || offsets[0] != 0) {
            throw new IOException("segment snapshot is damaged: group offsets do not fit the rows");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IOException("segment snapshot is damaged: group offsets go backwards");
            }
        }
        return new Groups(offsets);
    }

    /** Call {@link #endRow(int)} after each row's entries were added to the grouped columns. */
    static final class Builder {
        private final IntList offsets = new IntList();

        Builder() {
            offsets.add(0);
        }

        void endRow(int entriesSoFar) {
            offsets.add(entriesSoFar);
        }

        Groups build() {
            return new Groups(offsets.toArray());
        }
    }
}
