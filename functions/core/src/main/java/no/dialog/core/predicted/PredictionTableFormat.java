package no.dialog.core.predicted;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import no.dialog.core.contact.Channel;

/**
 * The file form of a {@link PredictionTable}, big-endian:
 * <pre>
 * int magic "DLGP", int version, int rows, string asOf (ISO instant)
 * int models, per model: string field name      (names, not ordinals, so ModelKind may grow)
 * int channels, per channel: string json name   (the dictionary of the best-channel column)
 * bytes ids (UTF-8, sorted), ints offsets (rows + 1)
 * per model: ints probabilities (float bits), bytes deciles
 * bytes best channel (index into the dictionary, -1 none), bytes best hour (-1 none)
 * int end marker
 * </pre>
 * Every length is checked before anything is allocated, and every value against its range, so a damaged
 * file fails with a message that says what is wrong (never which person).
 */
final class PredictionTableFormat {

    static final int MAGIC = 0x444C4750; // "DLGP"
    static final int VERSION = 1;
    private static final int END = 0x454E4450; // "ENDP"
    /** More than any tenant will have; guards allocations against damaged lengths. */
    private static final int MAX_LENGTH = 1 << 28;

    private PredictionTableFormat() {}

    static void write(PredictionTable table, OutputStream target, boolean gzip) throws IOException {
        GZIPOutputStream zip = gzip ? new GZIPOutputStream(target, 1 << 16) : null;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip != null ? zip : target, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(table.size());
        writeString(out, table.asOf.toString());
        out.writeInt(table.published.size());
        for (ModelKind kind : table.published) {
            writeString(out, kind.field());
        }
        Channel[] channels = Channel.values();
        out.writeInt(channels.length);
        for (Channel channel : channels) {
            writeString(out, channel.jsonName());
        }
        writeBytes(out, table.idBytes);
        writeInts(out, table.idOffsets);
        for (ModelKind kind : table.published) {
            float[] p = table.probabilities[kind.ordinal()];
            int[] bits = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                bits[i] = Float.floatToIntBits(p[i]);
            }
            writeInts(out, bits);
            writeBytes(out, table.deciles[kind.ordinal()]);
        }
        writeBytes(out, table.bestChannel);
        writeBytes(out, table.bestHour);
        out.writeInt(END);
        out.flush();
        if (zip != null) {
            zip.finish();
        }
        target.flush();
    }

    static PredictionTable read(InputStream source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        DataInputStream in = new DataInputStream(gzip
                ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered);
        try {
            return read(in);
        } catch (EOFException e) {
            throw new IOException("prediction table is damaged: it ends early", e);
        }
    }

    private static PredictionTable read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a prediction table");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("prediction table version " + version + " is not supported (expected " + VERSION + ")");
        }
        int rows = in.readInt();
        if (rows < 0 || rows >= MAX_LENGTH) {
            throw damaged("the row count is out of range");
        }
        Instant asOf;
        try {
            asOf = Instant.parse(readString(in));
        } catch (DateTimeException e) {
            throw damaged("its time is not an instant");
        }
        int models = count(in, ModelKind.values().length);
        ModelKind[] kinds = new ModelKind[models];
        Set<ModelKind> published = EnumSet.noneOf(ModelKind.class);
        for (int i = 0; i < models; i++) {
            String field = readString(in);
            kinds[i] = ModelKind.fromField(field).orElseThrow(() -> damaged("it names a model Dialog does not know"));
            if (!published.add(kinds[i])) {
                throw damaged("it names a model twice");
            }
        }
        int channelCount = count(in, 64);
        byte[] channelOrdinals = new byte[channelCount];
        for (int i = 0; i < channelCount; i++) {
            Channel channel = Channel.fromJsonName(readString(in))
                    .orElseThrow(() -> damaged("it names a channel Dialog does not know"));
            channelOrdinals[i] = (byte) channel.ordinal();
        }
        byte[] ids = readBytes(in, -1);
        int[] offsets = readInts(in, rows + 1);
        checkIds(ids, offsets, rows);
        float[][] probabilities = new float[ModelKind.values().length][];
        byte[][] deciles = new byte[ModelKind.values().length][];
        for (ModelKind kind : kinds) {
            int[] bits = readInts(in, rows);
            byte[] d = readBytes(in, rows);
            float[] p = new float[rows];
            for (int r = 0; r < rows; r++) {
                p[r] = Float.intBitsToFloat(bits[r]);
                boolean scored = !Float.isNaN(p[r]);
                if (scored ? !(p[r] >= 0 && p[r] <= 1) || d[r] < 1 || d[r] > 10 : d[r] != 0) {
                    throw damaged("a score of " + kind.field() + " is out of range");
                }
            }
            probabilities[kind.ordinal()] = p;
            deciles[kind.ordinal()] = d;
        }
        byte[] channels = readBytes(in, rows);
        for (int r = 0; r < rows; r++) {
            if (channels[r] != PredictionTable.NONE) {
                if (channels[r] < 0 || channels[r] >= channelCount) {
                    throw damaged("a best channel is out of range");
                }
                channels[r] = channelOrdinals[channels[r]];
            }
        }
        byte[] hours = readBytes(in, rows);
        for (byte hour : hours) {
            if (hour != PredictionTable.NONE && (hour < 0 || hour > 23)) {
                throw damaged("a best hour is out of range");
            }
        }
        if (in.readInt() != END) {
            throw damaged("its end marker is missing");
        }
        return new PredictionTable(asOf, published, ids, offsets, probabilities, deciles, channels, hours);
    }

    /** Offsets from 0 to the end of the id bytes, each id non-empty and after the one before (so unique). */
    private static void checkIds(byte[] ids, int[] offsets, int rows) throws IOException {
        if (offsets[0] != 0 || offsets[rows] != ids.length) {
            throw damaged("the ids do not fit the rows");
        }
        for (int r = 0; r < rows; r++) {
            if (offsets[r + 1] <= offsets[r]) {
                throw damaged("the ids do not fit the rows");
            }
            if (r > 0 && Arrays.compareUnsigned(ids, offsets[r - 1], offsets[r], ids, offsets[r], offsets[r + 1]) >= 0) {
                throw damaged("the ids are not in order");
            }
        }
    }

    private static IOException damaged(String what) {
        return new IOException("prediction table is damaged: " + what);
    }

    private static int count(DataInputStream in, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw damaged("a count is out of range");
        }
        return count;
    }

    /** A length-prefixed array; {@code expected} -1 for any length up to the limit. */
    private static int length(DataInputStream in, int expected) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH || (expected >= 0 && length != expected)) {
            throw damaged("an array length does not fit");
        }
        return length;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1024) {
            throw damaged("a name is too long");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in, int expected) throws IOException {
        byte[] bytes = new byte[length(in, expected)];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int value : values) {
            if (buffer.remaining() < Integer.BYTES) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putInt(value);
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    private static int[] readInts(DataInputStream in, int expected) throws IOException {
        int[] values = new int[length(in, expected)];
        byte[] chunk = new byte[1 << 16];
        int i = 0;
        while (i < values.length) {
            int n = Math.min(chunk.length / Integer.BYTES, values.length - i);
            in.readFully(chunk, 0, n * Integer.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Integer.BYTES).asIntBuffer().get(values, i, n);
            i += n;
        }
        return values;
    }
}
