package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The rows one model is trained on: a compact float matrix (row-major, {@link Features#count()} columns) and a
 * 0/1 label per row. Built streaming, one person at a time, so no {@link PersonFacts} is held; when more people
 * are eligible than {@code capacity}, a seeded uniform sample (reservoir sampling) of that size is kept, which
 * bounds memory whatever the organisation's size.
 */
public final class TrainingSet {

    private final int width;
    private final float[] rows;
    private final byte[] labels;
    private final int size;
    private final long seen;
    private final long positivesSeen;

    private TrainingSet(int width, float[] rows, byte[] labels, int size, long seen, long positivesSeen) {
        this.width = width;
        this.rows = rows;
        this.labels = labels;
        this.size = size;
        this.seen = seen;
        this.positivesSeen = positivesSeen;
    }

    public int width() {
        return width;
    }

    /** Rows kept (at most the capacity). */
    public int size() {
        return size;
    }

    /** Eligible rows offered, before sampling. */
    public long seen() {
        return seen;
    }

    public long positivesSeen() {
        return positivesSeen;
    }

    public int positives() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            count += labels[i];
        }
        return count;
    }

    public float value(int row, int column) {
        return rows[row * width + column];
    }

    /** Copies row {@code row} into {@code into}. */
    public void row(int row, float[] into) {
        System.arraycopy(rows, row * width, into, 0, width);
    }

    public boolean label(int row) {
        return labels[row] == 1;
    }

    public static Builder builder(int capacity, long seed) {
        return new Builder(Features.count(), capacity, seed);
    }

    public static Builder builder(int width, int capacity, long seed) {
        return new Builder(width, capacity, seed);
    }

    /** Collects rows; keeps a uniform sample of at most {@code capacity} of them. */
    public static final class Builder {
        private final int width;
        private final int capacity;
        private final SplittableRandom random;
        private float[] rows;
        private byte[] labels;
        private int size;
        private long seen;
        private long positives;

        private Builder(int width, int capacity, long seed) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.width = width;
            this.capacity = capacity;
            this.random = new SplittableRandom(seed);
            int initial = Math.min(capacity, 1024);
            rows = new float[initial * width];
            labels = new byte[initial];
        }

        public void add(float[] row, boolean label) {
            seen++;
            if (label) {
                positives++;
            }
            int at;
            if (size < capacity) {
                if (size == labels.length) {
                    int grown = (int) Math.min(capacity, (long) labels.length * 2);
                    rows = Arrays.copyOf(rows, grown * width);
                    labels = Arrays.copyOf(labels, grown);
                }
                at = size++;
            } else {
                long j = random.nextLong(seen);
                if (j >= capacity) {
                    return;
                }
                at = (int) j;
            }
            System.arraycopy(row, 0, rows, at * width, width);
            labels[at] = (byte) (label ? 1 : 0);
        }

        public TrainingSet build() {
            return new TrainingSet(width, Arrays.copyOf(rows, size * width), Arrays.copyOf(labels, size), size, seen,
                    positives);
        }
    }

    /**
     * The rows of every model at once, from people offered one at a time: features are computed once per person.
     * People who object to profiling are left out (GDPR art. 21): they are not learned from.
     */
    public static final class Collector {
        private final Map<ModelKind, Builder> builders = new EnumMap<>(ModelKind.class);
        private final float[] row = new float[Features.count()];

        public Collector(int capacityPerModel, long seed) {
            for (ModelKind kind : ModelKind.values()) {
                builders.put(kind, builder(capacityPerModel, seed ^ (kind.ordinal() + 1) * 0x9E3779B97F4A7C15L));
            }
        }

        /** Adds the person's row (as of asOf) to every model they are eligible for. */
        public void add(PersonFacts facts, LocalDate asOf) {
            if (facts.contact().reservations().objectsToProfiling()) {
                return;
            }
            boolean extracted = false;
            for (ModelKind kind : ModelKind.values()) {
                Optional<Boolean> label = Outcomes.label(kind, facts, asOf);
                if (label.isEmpty()) {
                    continue;
                }
                if (!extracted) {
                    Features.extract(facts, asOf, row);
                    extracted = true;
                }
                builders.get(kind).add(row, label.get());
            }
        }

        public Map<ModelKind, TrainingSet> build() {
            Map<ModelKind, TrainingSet> sets = new EnumMap<>(ModelKind.class);
            builders.forEach((kind, builder) -> sets.put(kind, builder.build()));
            return sets;
        }
    }
}
