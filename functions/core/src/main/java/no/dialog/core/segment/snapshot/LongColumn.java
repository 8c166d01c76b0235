package no.dialog.core.segment.snapshot;

import java.io.IOException;

/** Whole numbers (amounts in øre) with a presence bitset, since every long value is a possible amount. */
final class LongColumn {

    final long[] values;
    final long[] present;

    LongColumn(long[] values, long[] present) {
        this.values = values;
        this.present = present;
    }

    Long value(int row) {
        return Bits.get(present, row) ? values[row] : null;
    }

    /** Sets the rows with a value inside any of the inclusive ranges {@code from[i] .. to[i]}. */
    void select(long[] from, long[] to, long[] out) {
        long[] values = this.values;
        for (int row = 0; row < values.length; row++) {
            if ((present[row >>> 6] & (1L << row)) == 0) {
                continue;
            }
            long v = values[row];
            for (int i = 0; i < from.length; i++) {
                if (v >= from[i] && v <= to[i]) {
                    out[row >>> 6] |= 1L << row;
                    break;
                }
            }
        }
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeLongs(values);
        out.writeLongs(present);
    }

    static LongColumn readFrom(SnapshotInput in, int rows) throws IOException {
        long[] values = in.readLongs();
        long[] present = in.readLongs();
        if (values.length != rows || present.length != Bits.create(rows).length) {
            throw new IOException("segment snapshot is damaged: a number column does not fit the rows");
        }
        return new LongColumn(values, present);
    }

    static final class Builder {
        private final LongList values = new LongList();
        private final Bits.Builder present = new Bits.Builder();

        void add(Long value) {
            values.add(value == null ? 0 : value);
            present.add(value != null);
        }

        LongColumn build() {
            return new LongColumn(values.toArray(), present.build());
        }
    }
}
