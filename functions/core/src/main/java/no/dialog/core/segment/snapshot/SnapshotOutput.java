package no.dialog.core.segment.snapshot;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes the snapshot's arrays big-endian, through a buffer, so a million ints are one bulk copy each. */
final class SnapshotOutput {

    private final DataOutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    SnapshotOutput(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    void writeString(String value) throws IOException {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void writeStrings(String[] values) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            writeString(value);
        }
    }

    void writeInts(int[] values) throws IOException {
        out.writeInt(values.length);
        buffer.clear();
        for (int value : values) {
            if (buffer.remaining() < Integer.BYTES) {
                flushBuffer();
            }
            buffer.putInt(value);
        }
        flushBuffer();
    }

    void writeLongs(long[] values) throws IOException {
        out.writeInt(values.length);
        buffer.clear();
        for (long value : values) {
            if (buffer.remaining() < Long.BYTES) {
                flushBuffer();
            }
            buffer.putLong(value);
        }
        flushBuffer();
    }

    void flush() throws IOException {
        out.flush();
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
