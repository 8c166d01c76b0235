package no.dialog.core.segment.snapshot;

import java.util.Arrays;

/** A growable int array for builders: no boxing, so a million values cost four megabytes, not twenty. */
final class IntList {

    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return values[index];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
