package no.dialog.core.segment.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Contact ids as one UTF-8 byte array with offsets: a million ids cost their bytes plus four bytes
 * each, instead of a String object each (about 50 bytes of overhead) on the heap.
 */
final class IdColumn {

    final byte[] bytes;
    final int[] offsets;

    IdColumn(byte[] bytes, int[] offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    int size() {
        return offsets.length - 1;
    }

    String value(int row) {
        return new String(bytes, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
    }

    boolean equalsAt(int row, byte[] id) {
        int start = offsets[row];
        int length = offsets[row + 1] - start;
        return length == id.length && Arrays.equals(bytes, start, start + length, id, 0, id.length);
    }

    int hashAt(int row) {
        return hash(bytes, offsets[row], offsets[row + 1]);
    }

    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeBytes(bytes);
        out.writeInts(offsets);
    }

    static IdColumn readFrom(SnapshotInput in, int rows) throws IOException {
        byte[] bytes = in.readBytes();
        int[] offsets = in.readInts();
        if (offsets.length != rows + 1 || offsets[0] != 0 || offsets[rows] != bytes.length) {
            throw new IOException("segment snapshot is damaged: the id column does not fit the rows");
        }
        return new IdColumn(bytes, offsets);
    }

    static final class Builder {
        private byte[] bytes = new byte[1 << 16];
        private int length;
        private final IntList offsets = new IntList();

        Builder() {
            offsets.add(0);
        }

        void add(String id) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            while (length + utf8.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            offsets.add(length);
        }

        IdColumn build() {
            return new IdColumn(Arrays.copyOf(bytes, length), offsets.toArray());
        }
    }
}
