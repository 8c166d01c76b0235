package no.dialog.core.segment.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.segment.ConditionValues;
import no.dialog.core.segment.FieldType;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.SegmentEvaluator;

/**
 * Turns a condition into what a column scan needs: a yes/no per dictionary value, or ranges of
 * whole numbers or epoch days. Dictionary values are decided by {@link SegmentEvaluator} itself;
 * the ranges mirror its rules, and SnapshotEvaluatorEquivalenceTest holds the two together.
 */
final class ValueMatch {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueMatch() {}

    /** Inclusive ranges {@code from[i] .. to[i]}; none means nothing matches. */
    record LongRanges(long[] from, long[] to) {
        static final LongRanges NONE = new LongRanges(new long[0], new long[0]);
        static final LongRanges ALL = new LongRanges(new long[] {Long.MIN_VALUE}, new long[] {Long.MAX_VALUE});

        boolean isEmpty() {
            return from.length == 0;
        }
    }

    /** Inclusive ranges of epoch days, never containing {@link DateColumn#NONE}. */
    record DayRanges(int[] from, int[] to) {
        static final DayRanges ALL = new DayRanges(new int[] {DateColumn.NONE + 1}, new int[] {Integer.MAX_VALUE});

        boolean isEmpty() {
            return from.length == 0;
        }
    }

    // ---- dictionary values: text, enum, list codes, custom attributes ----

    /** Whether each dictionary value matches, decided as SegmentEvaluator decides one value. */
    static boolean[] dictionary(Object[] dictionary, FieldType type, Operator op, JsonNode expected) {
        boolean[] match = new boolean[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            match[i] = test(type, op, dictionary[i], expected);
        }
        return match;
    }

    /** One dictionary value, decided by {@link SegmentEvaluator#matchesValue} (dates are ranges, not here). */
    static boolean test(FieldType type, Operator op, Object actual, JsonNode expected) {
        if (type == FieldType.DATE) {
            throw new IllegalArgumentException("dates are not dictionary-encoded");
        }
        if (type.isBehaviour()) {
            throw new IllegalArgumentException("behaviour is not in the snapshot");
        }
        return SegmentEvaluator.matchesValue(type, op, actual, expected, null);
    }

    // ---- whole numbers (amounts in øre, ages) ----

    /** The whole numbers that satisfy a number condition, as inclusive ranges. */
    static LongRanges longRanges(Operator op, JsonNode expected) {
        switch (op) {
            case EQUALS:
                return point(ConditionValues.number(expected));
            case NOT_EQUALS: {
                LongRanges p = point(ConditionValues.number(expected));
                if (p.isEmpty()) {
                    return LongRanges.ALL;
                }
                long v = p.from()[0];
                List<long[]> ranges = new ArrayList<>();
                if (v > Long.MIN_VALUE) {
                    ranges.add(new long[] {Long.MIN_VALUE, v - 1});
                }
                if (v < Long.MAX_VALUE) {
                    ranges.add(new long[] {v + 1, Long.MAX_VALUE});
                }
                return of(ranges);
            }
            case IN: {
                List<long[]> ranges = new ArrayList<>();
                for (JsonNode e : ConditionValues.elements(expected)) {
                    LongRanges p = point(ConditionValues.number(e));
                    if (!p.isEmpty()) {
                        ranges.add(new long[] {p.from()[0], p.from()[0]});
                    }
                }
                return of(ranges);
            }
            case LESS_THAN:
                return between(null, ConditionValues.number(expected), true);
            case GREATER_THAN:
                return between(ConditionValues.number(expected), null, true);
            case BETWEEN:
                return between(ConditionValues.number(expected.get(0)), ConditionValues.number(expected.get(1)), false);
            default:
                throw unsupported(op);
        }
    }

    private static LongRanges point(BigDecimal value) {
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0
                || value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            return LongRanges.NONE; // no whole number in a long equals it
        }
        long v = value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        return new LongRanges(new long[] {v}, new long[] {v});
    }

    /** Whole numbers above {@code lo} and below {@code hi} (exclusive) or between them (inclusive). */
    private static LongRanges between(BigDecimal lo, BigDecimal hi, boolean exclusive) {
        BigDecimal from = lo == null ? LONG_MIN
                : exclusive ? lo.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE) : lo.setScale(0, RoundingMode.CEILING);
        BigDecimal to = hi == null ? LONG_MAX
                : exclusive ? hi.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE) : hi.setScale(0, RoundingMode.FLOOR);
        from = from.max(LONG_MIN);
        to = to.min(LONG_MAX);
        if (from.compareTo(to) > 0) {
            return LongRanges.NONE;
        }
        return new LongRanges(new long[] {from.longValueExact()}, new long[] {to.longValueExact()});
    }

    private static LongRanges of(List<long[]> ranges) {
        long[] from = new long[ranges.size()];
        long[] to = new long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        return new LongRanges(from, to);
    }

    // ---- dates ----

    /** The epoch days that satisfy a date condition on {@code today} (Europe/Oslo). */
    static DayRanges dayRange(Operator op, JsonNode expected, LocalDate today) {
        long lo;
        long hi;
        switch (op) {
            case EQUALS:
                lo = hi = ConditionValues.date(expected, today).toEpochDay();
                break;
            case BEFORE:
            case LESS_THAN:
                lo = Long.MIN_VALUE;
                hi = ConditionValues.date(expected, today).toEpochDay() - 1;
                break;
            case AFTER:
            case GREATER_THAN:
                lo = ConditionValues.date(expected, today).toEpochDay() + 1;
                hi = Long.MAX_VALUE;
                break;
            case BETWEEN:
                lo = ConditionValues.date(expected.get(0), today).toEpochDay();
                hi = ConditionValues.date(expected.get(1), today).toEpochDay();
                break;
            case WITHIN_LAST:
                lo = ConditionValues.spanStart(expected, today).toEpochDay();
                hi = today.toEpochDay();
                break;
            case MORE_THAN_AGO:
                lo = Long.MIN_VALUE;
                hi = ConditionValues.spanStart(expected, today).toEpochDay() - 1;
                break;
            default:
                throw unsupported(op);
        }
        return days(List.of(new long[] {lo, hi}));
    }

    /**
     * The birth dates whose age on {@code today} lies in {@code ages}. Age is
     * {@code Period.between(birth, today).getYears()}, which never grows as the birth date moves later,
     * so each age range is one range of birth dates, found by binary search over that same function:
     * leap days and month ends are handled exactly as the field itself handles them.
     */
    static DayRanges birthDatesForAges(LongRanges ages, LocalDate today) {
        long last = today.toEpochDay(); // born after today: no age
        long first = DateColumn.NONE + 1L;
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < ages.from().length; i++) {
            long minAge = ages.from()[i];
            long maxAge = ages.to()[i];
            // Earliest birth date with age <= maxAge; latest with age >= minAge.
            long lo = firstDayWithAgeAtMost(maxAge, first, last, today);
            long hi = lastDayWithAgeAtLeast(minAge, first, last, today);
            if (lo <= hi) {
                ranges.add(new long[] {lo, hi});
            }
        }
        return days(ranges);
    }

    private static long age(long birthDay, LocalDate today) {
        return Period.between(LocalDate.ofEpochDay(birthDay), today).getYears();
    }

    private static long firstDayWithAgeAtMost(long maxAge, long first, long last, LocalDate today) {
        if (age(last, today) > maxAge) {
            return Long.MAX_VALUE;
        }
        long lo = first;
        long hi = last;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (age(mid, today) <= maxAge) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long lastDayWithAgeAtLeast(long minAge, long first, long last, LocalDate today) {
        if (age(first, today) < minAge) {
            return Long.MIN_VALUE;
        }
        long lo = first;
        long hi = last;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (age(mid, today) >= minAge) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Clamps to what a date column can hold; stored dates all lie inside, so nothing is lost. */
    private static DayRanges days(List<long[]> ranges) {
        List<int[]> kept = new ArrayList<>();
        for (long[] r : ranges) {
            long lo = Math.max(r[0], DateColumn.NONE + 1L);
            long hi = Math.min(r[1], Integer.MAX_VALUE);
            if (lo <= hi) {
                kept.add(new int[] {(int) lo, (int) hi});
            }
        }
        int[] from = new int[kept.size()];
        int[] to = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            from[i] = kept.get(i)[0];
            to[i] = kept.get(i)[1];
        }
        return new DayRanges(from, to);
    }

    static IllegalArgumentException unsupported(Operator op) {
        return new IllegalArgumentException("operator " + op.jsonName() + " does not fit this field");
    }
}
