package no.dialog.core.segment.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds a contact's row by id: an open-addressing hash table of row numbers over the id column, about
 * eight bytes per contact and no String per id. Built once per snapshot, on first need (overlaying or
 * merging a delta); plain evaluation never needs it.
 */
final class SnapshotIdIndex {

    private static final int EMPTY = -1;

    private final IdColumn ids;
    private final int[] slots;
    private final int mask;

    SnapshotIdIndex(IdColumn ids) {
        this.ids = ids;
        int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(slots, EMPTY);
        for (int row = 0; row < ids.size(); row++) {
            int slot = ids.hashAt(row) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = row;
        }
    }

    /**
     * The row of {@code id}, or -1. If an id occurs twice (a source that repeated a contact), the
     * first row found is returned.
     */
    int rowOf(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        int slot = IdColumn.hash(utf8, 0, utf8.length) & mask;
        while (slots[slot] != EMPTY) {
            if (ids.equalsAt(slots[slot], utf8)) {
                return slots[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
