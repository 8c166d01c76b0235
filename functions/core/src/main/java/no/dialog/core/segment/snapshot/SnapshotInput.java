package no.dialog.core.segment.snapshot;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link SnapshotOutput} wrote. Every length is checked against a limit before allocating,
 * so a damaged file fails with a clear message instead of an OutOfMemoryError.
 */
final class SnapshotInput {

    /** More than any tenant will have; guards allocations against corrupt lengths. */
    private static final int MAX_LENGTH = 1 << 28;

    private final DataInputStream in;
    private final byte[] chunk = new byte[1 << 16];

    SnapshotInput(InputStream in) {
        this.in = new DataInputStream(in);
    }

    int readInt() throws IOException {
        return in.readInt();
    }

    byte[] readBytes() throws IOException {
        byte[] bytes = new byte[length()];
        in.readFully(bytes);
        return bytes;
    }

    String readString() throws IOException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    String[] readStrings() throws IOException {
        String[] values = new String[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readString();
        }
        return values;
    }

    int[] readInts() throws IOException {
        int[] values = new int[length()];
        int i = 0;
        while (i < values.length) {
            int n = Math.min(chunk.length / Integer.BYTES, values.length - i);
            in.readFully(chunk, 0, n * Integer.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Integer.BYTES).asIntBuffer().get(values, i, n);
            i += n;
        }
        return values;
    }

    long[] readLongs() throws IOException {
        long[] values = new long[length()];
        int i = 0;
        while (i < values.length) {
            int n = Math.min(chunk.length / Long.BYTES, values.length - i);
            in.readFully(chunk, 0, n * Long.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Long.BYTES).asLongBuffer().get(values, i, n);
            i += n;
        }
        return values;
    }

    private int length() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("segment snapshot is damaged: an array length is out of range");
        }
        return length;
    }
}
