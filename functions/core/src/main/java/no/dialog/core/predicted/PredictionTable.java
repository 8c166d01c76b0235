package no.dialog.core.predicted;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import no.dialog.core.contact.Channel;

/**
 * One organisation's predictions for everyone scored, as columns (ADR 0037): contact ids sorted by their
 * UTF-8 bytes in one byte array, and per published model a float probability (NaN: no score) and a decile
 * byte (0: no score), plus the best channel and best hour (-1: none). A million people take about 40 bytes
 * each on the heap and in the file, instead of a {@link Prediction} object each; {@link #find} is a binary
 * search.
 *
 * <p>Probabilities are kept as floats: a score is an estimate, and seven digits are more than it knows.
 * {@link #find} therefore gives back the float's value, and both segment evaluators read that same value.
 * <pre>{@code
 * PredictionTable.Builder b = PredictionTable.builder(Instant.now(), EnumSet.of(ModelKind.DROPOUT_RISK));
 * b.add("C-1", prediction);
 * PredictionTable table = b.build();
 * table.writeTo(out);                             // gzip
 * PredictionTable.readFrom(in).find("C-1");       // Prediction.NONE when not scored
 * }</pre>
 * Immutable and thread-safe.
 */
public final class PredictionTable {

    /** Stored for "no channel" and "no hour". */
    static final byte NONE = -1;

    private static final ModelKind[] KINDS = ModelKind.values();
    private static final Channel[] CHANNELS = Channel.values();

    /** A table without rows or models: what segments see where no predictions are published. */
    public static final PredictionTable EMPTY = builder(Instant.EPOCH, Set.of()).build();

    final Instant asOf;
    final Set<ModelKind> published;
    final byte[] idBytes;
    /** Row r's id is {@code idBytes[idOffsets[r] .. idOffsets[r + 1])}. */
    final int[] idOffsets;
    /** Per ModelKind ordinal; null for a model that is not published. */
    final float[][] probabilities;
    final byte[][] deciles;
    /** Channel ordinal, or {@link #NONE}. */
    final byte[] bestChannel;
    /** 0..23, or {@link #NONE}. */
    final byte[] bestHour;

    PredictionTable(Instant asOf, Set<ModelKind> published, byte[] idBytes, int[] idOffsets, float[][] probabilities,
                    byte[][] deciles, byte[] bestChannel, byte[] bestHour) {
        this.asOf = asOf;
        this.published = published.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(published));
        this.idBytes = idBytes;
        this.idOffsets = idOffsets;
        this.probabilities = probabilities;
        this.deciles = deciles;
        this.bestChannel = bestChannel;
        this.bestHour = bestHour;
    }

    /**
     * @param asOf      when the scores were computed
     * @param published the models whose scores the table carries (a model that did not beat its baseline is
     *                  left out, and so are its scores)
     */
    public static Builder builder(Instant asOf, Set<ModelKind> published) {
        return new Builder(asOf, published);
    }

    /** How many people have a row. */
    public int size() {
        return idOffsets.length - 1;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** When the scores were computed. */
    public Instant asOf() {
        return asOf;
    }

    /** The models whose scores are in the table. */
    public Set<ModelKind> published() {
        return published;
    }

    /** The person's prediction, or {@link Prediction#NONE} when they have no row. */
    public Prediction find(String contactId) {
        int row = rowOf(contactId);
        return row < 0 ? Prediction.NONE : prediction(row);
    }

    /** The row of a contact id, or -1. */
    public int rowOf(String contactId) {
        byte[] utf8 = contactId.getBytes(StandardCharsets.UTF_8);
        return rowOf(utf8, 0, utf8.length);
    }

    /**
     * The row of the contact id held in {@code bytes[from..to)} (UTF-8), or -1: for callers that keep ids as
     * bytes (a segment snapshot) and would otherwise make a String per person.
     */
    public int rowOf(byte[] bytes, int from, int to) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(idBytes, idOffsets[mid], idOffsets[mid + 1], bytes, from, to);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The contact id of a row (rows are in the order of the ids' UTF-8 bytes). */
    public String contactId(int row) {
        return new String(idBytes, idOffsets[row], idOffsets[row + 1] - idOffsets[row], StandardCharsets.UTF_8);
    }

    /** A row's probability for a model, or NaN when the row has no score for it (or the model is not published). */
    public double probability(ModelKind kind, int row) {
        float[] column = probabilities[kind.ordinal()];
        return column == null ? Double.NaN : column[row];
    }

    /** A row's decile (1..10) for a model, or 0 when it has no score. */
    public int decile(ModelKind kind, int row) {
        byte[] column = deciles[kind.ordinal()];
        return column == null ? 0 : column[row];
    }

    /** A row's best channel, or null. */
    public Channel bestChannel(int row) {
        byte ordinal = bestChannel[row];
        return ordinal == NONE ? null : CHANNELS[ordinal];
    }

    /** A row's best hour (0..23), or -1. */
    public int bestHour(int row) {
        return bestHour[row];
    }

    /** The whole prediction of a row. */
    public Prediction prediction(int row) {
        Map<ModelKind, Prediction.Score> scores = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : published) {
            float p = probabilities[kind.ordinal()][row];
            if (!Float.isNaN(p)) {
                scores.put(kind, new Prediction.Score(p, deciles[kind.ordinal()][row]));
            }
        }
        int hour = bestHour[row];
        return new Prediction(scores, Optional.ofNullable(bestChannel(row)),
                hour == NONE ? Optional.empty() : Optional.of(hour));
    }

    /** Every row, in id order. */
    public void forEach(BiConsumer<String, Prediction> sink) {
        for (int row = 0; row < size(); row++) {
            sink.accept(contactId(row), prediction(row));
        }
    }

    /** A copy without the person's row (erasure); this table itself when they have none. */
    public PredictionTable without(String contactId) {
        int gone = rowOf(contactId);
        if (gone < 0) {
            return this;
        }
        int rows = size() - 1;
        int cutFrom = idOffsets[gone];
        int cutLength = idOffsets[gone + 1] - cutFrom;
        byte[] ids = new byte[idBytes.length - cutLength];
        System.arraycopy(idBytes, 0, ids, 0, cutFrom);
        System.arraycopy(idBytes, cutFrom + cutLength, ids, cutFrom, idBytes.length - cutFrom - cutLength);
        int[] offsets = new int[rows + 1];
        System.arraycopy(idOffsets, 0, offsets, 0, gone + 1);
        for (int r = gone + 1; r <= rows; r++) {
            offsets[r] = idOffsets[r + 1] - cutLength;
        }
        float[][] p = new float[KINDS.length][];
        byte[][] d = new byte[KINDS.length][];
        for (ModelKind kind : published) {
            p[kind.ordinal()] = withoutRow(probabilities[kind.ordinal()], gone);
            d[kind.ordinal()] = withoutRow(deciles[kind.ordinal()], gone);
        }
        return new PredictionTable(asOf, published, ids, offsets, p, d, withoutRow(bestChannel, gone),
                withoutRow(bestHour, gone));
    }

    /** Writes the table gzip-compressed; {@link #readFrom} reads that and the plain form. */
    public void writeTo(OutputStream out) throws IOException {
        PredictionTableFormat.write(this, out, true);
    }

    /** Writes the table, gzip-compressed or plain. */
    public void writeTo(OutputStream out, boolean gzip) throws IOException {
        PredictionTableFormat.write(this, out, gzip);
    }

    /**
     * Reads a table written by {@link #writeTo}. Does not close the stream.
     *
     * @throws IOException if the bytes are not a prediction table, of another version, or damaged
     */
    public static PredictionTable readFrom(InputStream in) throws IOException {
        return PredictionTableFormat.read(in);
    }

    private static float[] withoutRow(float[] column, int row) {
        float[] copy = new float[column.length - 1];
        System.arraycopy(column, 0, copy, 0, row);
        System.arraycopy(column, row + 1, copy, row, copy.length - row);
        return copy;
    }

    private static byte[] withoutRow(byte[] column, int row) {
        byte[] copy = new byte[column.length - 1];
        System.arraycopy(column, 0, copy, 0, row);
        System.arraycopy(column, row + 1, copy, row, copy.length - row);
        return copy;
    }

    /**
     * Collects rows in any order; {@link #build} sorts them by id. A contact id given twice, or a score of a
     * model that is not published, is refused.
     */
    public static final class Builder {
        private final Instant asOf;
        private final Set<ModelKind> published;
        private final List<byte[]> ids = new ArrayList<>();
        private final List<Prediction> predictions = new ArrayList<>();

        private Builder(Instant asOf, Set<ModelKind> published) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            this.published = published.isEmpty() ? EnumSet.noneOf(ModelKind.class) : EnumSet.copyOf(published);
        }

        public Builder add(String contactId, Prediction prediction) {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(prediction, "prediction");
            if (contactId.isEmpty()) {
                throw new IllegalArgumentException("a contact id is not empty");
            }
            for (ModelKind kind : prediction.scores().keySet()) {
                if (!published.contains(kind)) {
                    throw new IllegalArgumentException("a score of " + kind.field() + ", which is not published");
                }
            }
            ids.add(contactId.getBytes(StandardCharsets.UTF_8));
            predictions.add(prediction);
            return this;
        }

        public PredictionTable build() {
            int rows = ids.size();
            Integer[] order = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(ids.get(a), ids.get(b)));
            int total = 0;
            for (byte[] id : ids) {
                total += id.length;
            }
            byte[] idBytes = new byte[total];
            int[] offsets = new int[rows + 1];
            float[][] p = new float[KINDS.length][];
            byte[][] d = new byte[KINDS.length][];
            for (ModelKind kind : published) {
                p[kind.ordinal()] = new float[rows];
                d[kind.ordinal()] = new byte[rows];
            }
            byte[] channel = new byte[rows];
            byte[] hour = new byte[rows];
            for (int r = 0; r < rows; r++) {
                byte[] id = ids.get(order[r]);
                if (r > 0 && Arrays.equals(id, ids.get(order[r - 1]))) {
                    throw new IllegalArgumentException("a contact id was added twice");
                }
                System.arraycopy(id, 0, idBytes, offsets[r], id.length);
                offsets[r + 1] = offsets[r] + id.length;
                Prediction prediction = predictions.get(order[r]);
                for (ModelKind kind : published) {
                    Prediction.Score score = prediction.scores().get(kind);
                    p[kind.ordinal()][r] = score == null ? Float.NaN : (float) score.probability();
                    d[kind.ordinal()][r] = score == null ? 0 : (byte) score.decile();
                }
                channel[r] = prediction.bestChannel().map(c -> (byte) c.ordinal()).orElse(NONE);
                hour[r] = prediction.bestHour().map(Integer::byteValue).orElse(NONE);
            }
            return new PredictionTable(asOf, published, idBytes, offsets, p, d, channel, hour);
        }
    }
}
