package no.dialog.core.segment.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.BehaviourConditions;
import no.dialog.core.segment.BehaviourLookup;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.segment.Criteria;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.FieldType;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.PredictedConditions;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.core.segment.SegmentField;
import no.dialog.core.segment.ProfilingObjection;
import no.dialog.core.segment.SegmentFields;

/**
 * Evaluates a segment against a {@link SegmentSnapshot} a column at a time: each condition scans one
 * column into a bitset of rows (deciding text conditions once per distinct value), and all/any/not
 * become and/or/not over those bitsets. The answer is exactly that of
 * {@link SegmentEvaluator#matches} for every contact, "any membership matches" included.
 * <pre>{@code
 * SnapshotMatches m = new SnapshotEvaluator().evaluate(snapshot, criterion, OsloTime.today(clock));
 * m.count(); m.preview(10); m.forEachChunk(500, ids -> enrol(ids));
 * }</pre>
 * Stateless and thread-safe.
 */
public final class SnapshotEvaluator {

    /** Matches among the snapshot's contacts, on {@code today} (Europe/Oslo). */
    public SnapshotMatches evaluate(SegmentSnapshot snapshot, Criterion criterion, LocalDate today) {
        return evaluate(snapshot, SnapshotDelta.EMPTY, criterion, today);
    }

    /**
     * Matches among the snapshot's contacts as changed by {@code delta}: rows the delta changes or
     * deletes are left out, and the delta's contacts are judged one by one by {@link SegmentEvaluator}.
     */
    public SnapshotMatches evaluate(SegmentSnapshot snapshot, SnapshotDelta delta, Criterion criterion,
                                    LocalDate today) {
        return evaluate(snapshot, delta, BehaviourLookup.NONE, criterion, today);
    }

    /**
     * As {@link #evaluate(SegmentSnapshot, SnapshotDelta, Criterion, LocalDate)}, judging behaviour
     * conditions against {@code behaviour}'s histories (a person without one has an empty history).
     * Behaviour is not in the snapshot (it changes with every journey step): a behaviour condition
     * starts from the people with a history and finds their rows through the snapshot's id index;
     * every other condition stays a column scan. Predicted conditions (ADR 0037) read {@code behaviour}'s
     * prediction table as one more column, matched to the snapshot's rows by id once per evaluation.
     */
    public SnapshotMatches evaluate(SegmentSnapshot snapshot, SnapshotDelta delta, BehaviourLookup behaviour,
                                    Criterion criterion, LocalDate today) {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(behaviour, "behaviour");
        // Behaviour criteria leave out whoever objects to profiling; a changed contact is judged by
        // SegmentEvaluator below, which applies the same rule.
        long[] rows = new Compiled(snapshot, today, behaviour).bits(ProfilingObjection.guard(criterion));
        List<Contact> changed = new ArrayList<>();
        if (!delta.isEmpty()) {
            long[] replaced = SnapshotUpdates.replacedRows(snapshot, delta);
            Bits.not(replaced, snapshot.size());
            Bits.and(rows, replaced);
            for (Contact contact : delta.upserts().values()) {
                if (SegmentEvaluator.matches(contact, behaviour.of(contact.id()), criterion, today)) {
                    changed.add(contact);
                }
            }
        }
        return new SnapshotMatches(snapshot, rows, changed);
    }

    /** One evaluation: the snapshot and the day every relative date is counted from. */
    private static final class Compiled {
        private final SegmentSnapshot s;
        private final LocalDate today;
        private final BehaviourLookup behaviour;
        /** Snapshot row → prediction table row (-1: not scored); made on the first predicted condition. */
        private int[] predictionRows;

        Compiled(SegmentSnapshot s, LocalDate today, BehaviourLookup behaviour) {
            this.s = s;
            this.today = today;
            this.behaviour = behaviour;
        }

        long[] bits(Criterion criterion) {
            if (criterion instanceof Criterion.All all) {
                return combine(all.children(), true);
            }
            if (criterion instanceof Criterion.Any any) {
                return combine(any.children(), false);
            }
            if (criterion instanceof Criterion.Not not) {
                long[] bits = bits(not.child());
                Bits.not(bits, s.rows);
                return bits;
            }
            return condition((Criterion.Condition) criterion);
        }

        private long[] combine(List<Criterion> children, boolean and) {
            long[] result = Bits.create(s.rows);
            if (and) {
                // An empty "all" matches everyone, as allMatch does on an empty stream.
                Bits.all(result, s.rows);
            }
            for (Criterion child : children) {
                long[] bits = bits(child);
                if (and) {
                    Bits.and(result, bits);
                } else {
                    Bits.or(result, bits);
                }
            }
            return result;
        }

        private long[] condition(Criterion.Condition condition) {
            if (Criteria.isBehaviour(condition)) {
                return behaviour(condition);
            }
            if (Criteria.isPredicted(condition)) {
                return predicted(condition);
            }
            SegmentField field = SegmentFields.forCondition(condition.field(), condition.value())
                    .orElseThrow(() -> new IllegalArgumentException("unknown segment field"));
            Operator op = condition.op();
            boolean existsOnly = op == Operator.EXISTS || op == Operator.NOT_EXISTS;
            long[] out = Bits.create(s.rows);
            select(field, op, condition.value(), existsOnly, out);
            if (op == Operator.NOT_EXISTS) {
                Bits.not(out, s.rows);
            }
            return out;
        }

        /**
         * A behaviour condition: the answer for an empty history for everyone, then each person with a
         * history judged on their own row. (If an id occurs on two rows, only the first gets the
         * history: a snapshot holds each contact once.)
         */
        private long[] behaviour(Criterion.Condition condition) {
            long[] out = Bits.create(s.rows);
            if (BehaviourConditions.matches(condition, ContactHistory.EMPTY)) {
                Bits.all(out, s.rows);
            }
            SnapshotIdIndex[] index = new SnapshotIdIndex[1];
            behaviour.withoutPredictions().forEachKnown((contactId, history) -> {
                if (index[0] == null) {
                    index[0] = s.idIndex(); // built once per snapshot, and only if someone has a history
                }
                int row = index[0].rowOf(contactId);
                if (row >= 0) {
                    if (BehaviourConditions.matches(condition, history)) {
                        Bits.set(out, row);
                    } else {
                        Bits.clear(out, row);
                    }
                }
            });
            return out;
        }

        /**
         * A predicted condition: each row judged by its prediction table row, or as not scored. Every row
         * with an id gets that id's prediction, as {@link SegmentEvaluator} gives it to every contact.
         */
        private long[] predicted(Criterion.Condition condition) {
            PredictedConditions.Test test = PredictedConditions.compile(condition);
            boolean unscored = test.matches(Prediction.NONE);
            PredictionTable table = behaviour.predictions();
            long[] out = Bits.create(s.rows);
            if (table.isEmpty()) {
                if (unscored) {
                    Bits.all(out, s.rows);
                }
                return out;
            }
            int[] rows = predictionRows(table);
            for (int row = 0; row < s.rows; row++) {
                int scored = rows[row];
                if (scored < 0 ? unscored : test.matches(table, scored)) {
                    Bits.set(out, row);
                }
            }
            return out;
        }

        private int[] predictionRows(PredictionTable table) {
            if (predictionRows == null) {
                int[] rows = new int[s.rows];
                IdColumn ids = s.ids;
                for (int row = 0; row < s.rows; row++) {
                    rows[row] = table.rowOf(ids.bytes, ids.offsets[row], ids.offsets[row + 1]);
                }
                predictionRows = rows;
            }
            return predictionRows;
        }

        /** Sets the rows with a value of {@code field} that matches (any value, if {@code existsOnly}). */
        private void select(SegmentField field, Operator op, JsonNode expected, boolean existsOnly, long[] out) {
            String id = field.id();
            if (SegmentFields.isAttribute(id)) {
                attribute(id.substring(SegmentFields.ATTRIBUTE_PREFIX.length()), field.type(), op, expected,
                        existsOnly, out);
                return;
            }
            switch (id) {
                case "firstName" -> text(s.firstName, null, field, op, expected, existsOnly, out);
                case "lastName" -> text(s.lastName, null, field, op, expected, existsOnly, out);
                case "postcode" -> text(s.postcode, null, field, op, expected, existsOnly, out);
                case "city" -> text(s.city, null, field, op, expected, existsOnly, out);
                case "age" -> age(op, expected, existsOnly, out);
                case "birthDate" -> date(s.birthDate, null, op, expected, existsOnly, out);
                case "membership.type" -> text(s.membershipType, s.memberships, field, op, expected, existsOnly, out);
                case "membership.status" -> text(s.membershipStatus, s.memberships, field, op, expected, existsOnly, out);
                case "membership.chapter" -> text(s.membershipChapter, s.memberships, field, op, expected, existsOnly, out);
                case "membership.start" -> date(s.membershipStart, s.memberships, op, expected, existsOnly, out);
                case "membership.paidUntil" -> date(s.membershipPaidUntil, s.memberships, op, expected, existsOnly, out);
                case "membership.examDate" -> date(s.membershipExamDate, s.memberships, op, expected, existsOnly, out);
                case "donor.lastGiftDate" -> date(s.donorLastGiftDate, null, op, expected, existsOnly, out);
                case "donor.firstGiftDate" -> date(s.donorFirstGiftDate, null, op, expected, existsOnly, out);
                case "donor.lastGiftAmountOre" -> number(s.donorLastGiftAmount, op, expected, existsOnly, out);
                case "donor.sumLast12MonthsOre" -> number(s.donorSumLast12Months, op, expected, existsOnly, out);
                case "roles" -> text(s.roles, s.roleGroups, field, op, expected, existsOnly, out);
                case "volunteerAreas" -> text(s.volunteerAreas, s.volunteerAreaGroups, field, op, expected, existsOnly, out);
                case "events.eventId" -> text(s.eventIds, s.eventGroups, field, op, expected, existsOnly, out);
                default -> flag(id, op, expected, existsOnly, out);
            }
        }

        private void text(TextColumn column, Groups groups, SegmentField field, Operator op, JsonNode expected,
                          boolean existsOnly, long[] out) {
            boolean[] match = existsOnly ? everything(column.dictionary.length)
                    : ValueMatch.dictionary(column.dictionary, field.type(), op, expected);
            column.select(match, groups, out);
        }

        private void date(DateColumn column, Groups groups, Operator op, JsonNode expected, boolean existsOnly,
                          long[] out) {
            ValueMatch.DayRanges ranges = existsOnly ? ValueMatch.DayRanges.ALL
                    : ValueMatch.dayRange(op, expected, today);
            if (!ranges.isEmpty()) {
                column.select(ranges.from(), ranges.to(), groups, out);
            }
        }

        private void number(LongColumn column, Operator op, JsonNode expected, boolean existsOnly, long[] out) {
            ValueMatch.LongRanges ranges = existsOnly ? ValueMatch.LongRanges.ALL
                    : ValueMatch.longRanges(op, expected);
            if (!ranges.isEmpty()) {
                column.select(ranges.from(), ranges.to(), out);
            }
        }

        /** Age has a value when the birth date is known and not in the future; computed from it. */
        private void age(Operator op, JsonNode expected, boolean existsOnly, long[] out) {
            ValueMatch.LongRanges ages = existsOnly ? ValueMatch.LongRanges.ALL : ValueMatch.longRanges(op, expected);
            ValueMatch.DayRanges births = ValueMatch.birthDatesForAges(ages, today);
            if (!births.isEmpty()) {
                s.birthDate.select(births.from(), births.to(), null, out);
            }
        }

        /** Yes/no fields always have a value; only {@code equals} can match one, as in SegmentEvaluator. */
        private void flag(String id, Operator op, JsonNode expected, boolean existsOnly, long[] out) {
            long[] bits = s.flags.get(id);
            if (bits == null && id.equals(ProfilingObjection.FIELD)) {
                // A snapshot written before the objection existed: nobody in it had objected; whoever has
                // since is a changed contact, judged one by one.
                bits = Bits.create(s.rows);
            }
            if (bits == null) {
                throw new IllegalArgumentException("segment field " + id + " is not in this snapshot");
            }
            if (existsOnly) {
                Bits.all(out, s.rows);
            } else if (op == Operator.EQUALS) {
                System.arraycopy(bits, 0, out, 0, bits.length);
                if (!expected.asBoolean()) {
                    Bits.not(out, s.rows);
                }
            }
        }

        /**
         * A custom attribute: only values of the type the condition's value implies count (any type for
         * exists/notExists without a value), as in {@link SegmentFields#attribute}.
         */
        private void attribute(String name, FieldType type, Operator op, JsonNode expected, boolean existsOnly,
                               long[] out) {
            AttributeColumn column = s.attributes.get(name);
            if (column == null) {
                return;
            }
            int wanted = wantedKind(expected);
            boolean[] match = new boolean[column.dictionary.length];
            for (int i = 0; i < match.length; i++) {
                Object value = column.dictionary[i];
                int kind = AttributeColumn.kind(value);
                boolean typed = wanted < 0 ? true : kind == wanted;
                match[i] = typed && (existsOnly || ValueMatch.test(type, op, value, expected));
            }
            column.select(match, out);
        }

        /** The attribute kind a condition value asks about, or -1 for any (same rule as forCondition). */
        private static int wantedKind(JsonNode value) {
            JsonNode sample = value != null && value.isArray() && !value.isEmpty() ? value.get(0) : value;
            if (sample == null || sample.isNull() || sample.isMissingNode()) {
                return -1;
            }
            return sample.isNumber() ? AttributeColumn.NUMBER
                    : sample.isBoolean() ? AttributeColumn.BOOLEAN
                    : AttributeColumn.TEXT;
        }

        private static boolean[] everything(int size) {
            boolean[] all = new boolean[size];
            java.util.Arrays.fill(all, true);
            return all;
        }
    }
}
