package no.dialog.core.segment.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary-encoded text: each distinct value stored once, each entry a code into the dictionary
 * ({@code -1} = no value). A condition is decided once per distinct value, then the scan is an array
 * lookup per entry. Entries are rows, or for multi-valued fields the entries of {@link Groups}.
 */
final class TextColumn {

    static final int NONE = -1;

    final String[] dictionary;
    final int[] codes;

    TextColumn(String[] dictionary, int[] codes) {
        this.dictionary = dictionary;
        this.codes = codes;
    }

    String value(int entry) {
        int code = codes[entry];
        return code == NONE ? null : dictionary[code];
    }

    /** Sets the rows with an entry whose dictionary value is marked in {@code match}. */
    void select(boolean[] match, Groups groups, long[] out) {
        int[] codes = this.codes;
        if (groups == null) {
            for (int row = 0; row < codes.length; row++) {
                int code = codes[row];
                if (code != NONE && match[code]) {
                    out[row >>> 6] |= 1L << row;
                }
            }
            return;
        }
        int[] offsets = groups.offsets;
        for (int row = 0; row < offsets.length - 1; row++) {
            for (int e = offsets[row], end = offsets[row + 1]; e < end; e++) {
                int code = codes[e];
                if (code != NONE && match[code]) {
                    out[row >>> 6] |= 1L << row;
                    break;
                }
            }
        }
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeStrings(dictionary);
        out.writeInts(codes);
    }

    static TextColumn readFrom(SnapshotInput in) throws IOException {
        String[] dictionary = in.readStrings();
        int[] codes = in.readInts();
        for (int code : codes) {
            if (code < NONE || code >= dictionary.length) {
                throw new IOException("segment snapshot is damaged: a text code is out of range");
            }
        }
        return new TextColumn(dictionary, codes);
    }

    /** Collects entries, assigning codes in order of first appearance. */
    static final class Builder {
        private final Map<String, Integer> codesByValue = new HashMap<>();
        private final List<String> dictionary = new ArrayList<>();
        private final IntList codes = new IntList();

        void add(String value) {
            if (value == null) {
                codes.add(NONE);
                return;
            }
            Integer code = codesByValue.get(value);
            if (code == null) {
                code = dictionary.size();
                codesByValue.put(value, code);
                dictionary.add(value);
            }
            codes.add(code);
        }

        int size() {
            return codes.size();
        }

        TextColumn build() {
            return new TextColumn(dictionary.toArray(String[]::new), codes.toArray());
        }
    }
}
