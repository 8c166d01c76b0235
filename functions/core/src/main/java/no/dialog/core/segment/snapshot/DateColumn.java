package no.dialog.core.segment.snapshot;

import java.io.IOException;
import java.time.LocalDate;

/** Dates as epoch days in an int array; {@link #NONE} marks no value. */
final class DateColumn {

    /** Never a stored date: the builder refuses dates this far out. */
    static final int NONE = Integer.MIN_VALUE;

    final int[] days;

    DateColumn(int[] days) {
        this.days = days;
    }

    LocalDate value(int entry) {
        return days[entry] == NONE ? null : LocalDate.ofEpochDay(days[entry]);
    }

    /** Sets the rows with an entry inside any of the inclusive ranges {@code from[i] .. to[i]}. */
    void select(int[] from, int[] to, Groups groups, long[] out) {
        int[] days = this.days;
        if (from.length == 1) {
            // The common case (one range) without the inner loop.
            int lo = from[0];
            int hi = to[0];
            if (groups == null) {
                for (int row = 0; row < days.length; row++) {
                    int d = days[row];
                    if (d >= lo && d <= hi && d != NONE) {
                        out[row >>> 6] |= 1L << row;
                    }
                }
            } else {
                int[] offsets = groups.offsets;
                for (int row = 0; row < offsets.length - 1; row++) {
                    for (int e = offsets[row], end = offsets[row + 1]; e < end; e++) {
                        int d = days[e];
                        if (d >= lo && d <= hi && d != NONE) {
                            out[row >>> 6] |= 1L << row;
                            break;
                        }
                    }
                }
            }
            return;
        }
        int rows = groups == null ? days.length : groups.offsets.length - 1;
        for (int row = 0; row < rows; row++) {
            int start = groups == null ? row : groups.offsets[row];
            int end = groups == null ? row + 1 : groups.offsets[row + 1];
            for (int e = start; e < end; e++) {
                if (inAny(days[e], from, to)) {
                    out[row >>> 6] |= 1L << row;
                    break;
                }
            }
        }
    }

    private static boolean inAny(int d, int[] from, int[] to) {
        if (d == NONE) {
            return false;
        }
        for (int i = 0; i < from.length; i++) {
            if (d >= from[i] && d <= to[i]) {
                return true;
            }
        }
        return false;
    }

    void writeTo(SnapshotOutput out) throws IOException {
        out.writeInts(days);
    }

    static DateColumn readFrom(SnapshotInput in) throws IOException {
        return new DateColumn(in.readInts());
    }

    /** Collects dates; {@code field} names the field in the error for a date out of range. */
    static final class Builder {
        private final String field;
        private final IntList days = new IntList();

        Builder(String field) {
            this.field = field;
        }

        void add(LocalDate date) {
            days.add(date == null ? NONE : epochDay(date, field));
        }

        void addDay(int day) {
            days.add(day);
        }

        DateColumn build() {
            return new DateColumn(days.toArray());
        }
    }

    static int epochDay(LocalDate date, String field) {
        long day = date.toEpochDay();
        if (day <= NONE || day > Integer.MAX_VALUE) {
            // The field name is safe to show; the date itself could identify a person.
            throw new IllegalArgumentException(field + ": date is out of the supported range");
        }
        return (int) day;
    }
}
