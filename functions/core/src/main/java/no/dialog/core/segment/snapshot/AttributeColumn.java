package no.dialog.core.segment.snapshot;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.segment.ConditionValues;

/**
 * One custom attribute, sparse: only the rows that have it, in row order, each with a code into a
 * dictionary of typed values (text, number as BigDecimal, boolean). Attributes are set on few contacts
 * and hold few distinct values, so this is small whatever the tenant invents.
 */
final class AttributeColumn {

    static final int TEXT = 0;
    static final int NUMBER = 1;
    static final int BOOLEAN = 2;
    /** A value of another type: it counts for exists/notExists only, as in SegmentFields.attribute. */
    static final int OTHER = 3;

    final Object[] dictionary;
    final int[] rows;
    final int[] codes;

    AttributeColumn(Object[] dictionary, int[] rows, int[] codes) {
        this.dictionary = dictionary;
        this.rows = rows;
        this.codes = codes;
    }

    /** Sets the rows whose value is marked in {@code match}. */
    void select(boolean[] match, long[] out) {
        for (int i = 0; i < rows.length; i++) {
            if (match[codes[i]]) {
                Bits.set(out, rows[i]);
            }
        }
    }

    /** The row's value, or null; rows are sorted, so this is a binary search. */
    Object value(int row) {
        int i = java.util.Arrays.binarySearch(rows, row);
        return i < 0 ? null : dictionary[codes[i]];
    }

    static int kind(Object value) {
        if (value instanceof String) {
            return TEXT;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return OTHER;
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeInt(dictionary.length);
        for (Object value : dictionary) {
            out.writeInt(kind(value));
            out.writeString(value.toString());
        }
        out.writeInts(rows);
        out.writeInts(codes);
    }

    static AttributeColumn readFrom(SnapshotInput in, int rowCount) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > rowCount) {
            throw new IOException("segment snapshot is damaged: an attribute dictionary is too large");
        }
        Object[] dictionary = new Object[size];
        for (int i = 0; i < size; i++) {
            int kind = in.readInt();
            String text = in.readString();
            dictionary[i] = switch (kind) {
                case TEXT -> text;
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> Boolean.valueOf(text);
                case OTHER -> new OtherValue(text);
                default -> throw new IOException("segment snapshot is damaged: unknown attribute value kind");
            };
        }
        int[] rows = in.readInts();
        int[] codes = in.readInts();
        if (rows.length != codes.length) {
            throw new IOException("segment snapshot is damaged: attribute rows and values differ in length");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= rowCount || (i > 0 && rows[i] <= rows[i - 1])
                    || codes[i] < 0 || codes[i] >= size) {
                throw new IOException("segment snapshot is damaged: attribute entry out of range");
            }
        }
        return new AttributeColumn(dictionary, rows, codes);
    }

    /** An attribute value that is neither text, number nor boolean, kept only as present. */
    record OtherValue(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static final class Builder {
        private final Map<Object, Integer> codesByValue = new HashMap<>();
        private final List<Object> dictionary = new ArrayList<>();
        private final IntList rows = new IntList();
        private final IntList codes = new IntList();

        void add(int row, Object value) {
            Object key = normalise(value);
            Integer code = codesByValue.get(key);
            if (code == null) {
                code = dictionary.size();
                codesByValue.put(key, code);
                dictionary.add(key);
            }
            rows.add(row);
            codes.add(code);
        }

        /** Numbers become BigDecimal (stripped, so 1, 1L and 1.0 share a code), others stay as they are. */
        private static Object normalise(Object value) {
            int kind = kind(value);
            if (kind == NUMBER) {
                BigDecimal number = ConditionValues.number(value);
                return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
            if (kind == OTHER) {
                return value instanceof OtherValue ? value : new OtherValue(String.valueOf(value));
            }
            return value;
        }

        AttributeColumn build() {
            return new AttributeColumn(dictionary.toArray(), rows.toArray(), codes.toArray());
        }
    }
}
