package no.dialog.core.segment.snapshot;

/**
 * Row sets as plain {@code long[]} bitsets (bit {@code r} of word {@code r >>> 6} is row {@code r}).
 * Plain arrays rather than {@link java.util.BitSet} so that and/or/not run as simple loops the JIT can
 * unroll, and so that the snapshot can write them as they are.
 */
final class Bits {

    private Bits() {}

    static long[] create(int rows) {
        return new long[(rows + 63) >>> 6];
    }

    static boolean get(long[] bits, int row) {
        return (bits[row >>> 6] & (1L << row)) != 0;
    }

    static void set(long[] bits, int row) {
        bits[row >>> 6] |= 1L << row;
    }

    static void clear(long[] bits, int row) {
        bits[row >>> 6] &= ~(1L << row);
    }

    static void and(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= other[i];
        }
    }

    static void or(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= other[i];
        }
    }

    /** Flips every bit of the first {@code rows} rows; bits past the last row stay clear. */
    static void not(long[] target, int rows) {
        for (int i = 0; i < target.length; i++) {
            target[i] = ~target[i];
        }
        clearTail(target, rows);
    }

    static void all(long[] target, int rows) {
        java.util.Arrays.fill(target, -1L);
        clearTail(target, rows);
    }

    static long count(long[] bits) {
        long count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The first set row at or after {@code from}, or -1. */
    static int next(long[] bits, int from) {
        int word = from >>> 6;
        if (word >= bits.length) {
            return -1;
        }
        long w = bits[word] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(w);
            }
            if (++word == bits.length) {
                return -1;
            }
            w = bits[word];
        }
    }

    private static void clearTail(long[] target, int rows) {
        if ((rows & 63) != 0 && target.length > 0) {
            target[target.length - 1] &= (1L << rows) - 1;
        }
    }

    /** A growable bitset for builders. */
    static final class Builder {
        private long[] words = new long[64];
        private int size;

        void add(boolean value) {
            if ((size >>> 6) == words.length) {
                words = java.util.Arrays.copyOf(words, words.length * 2);
            }
            if (value) {
                words[size >>> 6] |= 1L << size;
            }
            size++;
        }

        long[] build() {
            return java.util.Arrays.copyOf(words, (size + 63) >>> 6);
        }
    }
}
