package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import no.dialog.core.contact.Contact;
import no.dialog.core.time.OsloTime;

/**
 * Decides whether contacts belong to a segment. "Today" is read once per call in Europe/Oslo, so
 * every contact in one {@link #preview} is judged against the same day even across midnight.
 * <pre>{@code
 * var evaluator = new SegmentEvaluator(OsloTime.systemClock());
 * boolean in = evaluator.matches(contact, criterion);
 * Preview p = evaluator.preview(contacts, criterion, 10); // count + first 10 matches
 * }</pre>
 *
 * <p>Conditions over several values (memberships, lists) match when ANY value matches. A contact
 * without a value for the field never matches a condition other than {@code notExists}; wrap in
 * {@code not} to ask "does not have".
 */
public final class SegmentEvaluator {

    private final Clock clock;

    public SegmentEvaluator(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public boolean matches(Contact contact, Criterion criterion) {
        return matches(contact, criterion, OsloTime.today(clock));
    }

    /**
     * Counts the matching contacts and keeps the first {@code sampleSize} of them. One pass, memory
     * bounded by the sample, so it works on a stream of a whole register.
     */
    public Preview preview(Iterable<Contact> contacts, Criterion criterion, int sampleSize) {
        return preview(contacts, BehaviourLookup.NONE, criterion, sampleSize);
    }

    /**
     * Like {@link #preview(Iterable, Criterion, int)}, judging behaviour conditions against the
     * histories of {@code behaviour}.
     */
    public Preview preview(Iterable<Contact> contacts, BehaviourLookup behaviour, Criterion criterion, int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must be 0 or more");
        }
        LocalDate today = OsloTime.today(clock);
        long count = 0;
        List<Preview.Sample> sample = new ArrayList<>(Math.min(sampleSize, 100));
        for (Contact contact : contacts) {
            if (matches(contact, behaviour.of(contact.id()), criterion, today)) {
                count++;
                if (sample.size() < sampleSize) {
                    sample.add(new Preview.Sample(contact.id(), contact.firstName(), contact.lastName()));
                }
            }
        }
        return new Preview(count, sample);
    }

    /**
     * Whether the contact matches on the given day (Europe/Oslo); for callers that fix "today" themselves.
     * Behaviour conditions see an empty history: use the overload with a {@link ContactHistory} for them.
     */
    public static boolean matches(Contact contact, Criterion criterion, LocalDate today) {
        return matches(contact, ContactHistory.EMPTY, criterion, today);
    }

    /**
     * Whether the contact, with this history in Dialog's journeys, matches on the given day. A person who
     * objects to profiling never matches criteria that judge behaviour ({@link ProfilingObjection}).
     */
    public static boolean matches(Contact contact, ContactHistory history, Criterion criterion, LocalDate today) {
        if (contact.reservations().objectsToProfiling() && ProfilingObjection.judgesBehaviour(criterion)) {
            return false;
        }
        return evaluate(contact, history, criterion, today);
    }

    private static boolean evaluate(Contact contact, ContactHistory history, Criterion criterion, LocalDate today) {
        // Java 17: no pattern switch yet; the interface is sealed, so these four cases are all there is.
        if (criterion instanceof Criterion.All all) {
            return all.children().stream().allMatch(c -> evaluate(contact, history, c, today));
        }
        if (criterion instanceof Criterion.Any any) {
            return any.children().stream().anyMatch(c -> evaluate(contact, history, c, today));
        }
        if (criterion instanceof Criterion.Not not) {
            return !evaluate(contact, history, not.child(), today);
        }
        return matchesCondition(contact, history, (Criterion.Condition) criterion, today);
    }

    private static boolean matchesCondition(Contact contact, ContactHistory history, Criterion.Condition condition,
                                            LocalDate today) {
        SegmentField field = SegmentFields.forCondition(condition.field(), condition.value())
                .orElseThrow(() -> new IllegalArgumentException("unknown segment field"));
        if (field.type().isBehaviour()) {
            return BehaviourConditions.matches(condition, history);
        }
        if (SegmentFields.isPredicted(field.id())) {
            return PredictedConditions.matches(condition, history.predicted());
        }
        List<?> values = field.values(contact, today);
        Operator op = condition.op();
        if (op == Operator.EXISTS) {
            return !values.isEmpty();
        }
        if (op == Operator.NOT_EXISTS) {
            return values.isEmpty();
        }
        for (Object value : values) {
            if (matchesValue(field.type(), op, value, condition.value(), today)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One value against the condition; the condition's value has been checked by the parser. The
     * snapshot evaluator decides its dictionary values with this too, so both judge a value alike.
     */
    public static boolean matchesValue(FieldType type, Operator op, Object actual, JsonNode expected, LocalDate today) {
        return switch (type) {
            case TEXT -> testText(op, actual.toString(), expected, true);
            case ENUM, LIST -> testText(op, actual.toString(), expected, false);
            case BOOLEAN -> op == Operator.EQUALS && actual.equals(expected.asBoolean());
            case NUMBER -> testNumber(op, ConditionValues.number(actual), expected);
            case DATE -> testDate(op, (LocalDate) actual, expected, today);
            case JOURNEY, JOURNEY_STEP, ANSWER -> throw new IllegalArgumentException("behaviour is read from a history");
        };
    }

    private static boolean testText(Operator op, String actual, JsonNode expected, boolean ignoreCase) {
        String a = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
        return switch (op) {
            case EQUALS -> a.equals(normalise(expected, ignoreCase));
            case NOT_EQUALS -> !a.equals(normalise(expected, ignoreCase));
            case IN -> ConditionValues.elements(expected).stream().anyMatch(e -> a.equals(normalise(e, ignoreCase)));
            // On a list field "contains" means the list holds the code; on text, a substring.
            case CONTAINS -> ignoreCase ? a.contains(normalise(expected, true)) : a.equals(expected.asText());
            default -> throw unsupported(op);
        };
    }

    private static String normalise(JsonNode node, boolean ignoreCase) {
        return ignoreCase ? node.asText().toLowerCase(Locale.ROOT) : node.asText();
    }

    private static boolean testNumber(Operator op, BigDecimal actual, JsonNode expected) {
        return switch (op) {
            case EQUALS -> actual.compareTo(ConditionValues.number(expected)) == 0;
            case NOT_EQUALS -> actual.compareTo(ConditionValues.number(expected)) != 0;
            case IN -> ConditionValues.elements(expected).stream()
                    .anyMatch(e -> actual.compareTo(ConditionValues.number(e)) == 0);
            case LESS_THAN -> actual.compareTo(ConditionValues.number(expected)) < 0;
            case GREATER_THAN -> actual.compareTo(ConditionValues.number(expected)) > 0;
            case BETWEEN -> actual.compareTo(ConditionValues.number(expected.get(0))) >= 0
                    && actual.compareTo(ConditionValues.number(expected.get(1))) <= 0;
            default -> throw unsupported(op);
        };
    }

    private static boolean testDate(Operator op, LocalDate actual, JsonNode expected, LocalDate today) {
        return switch (op) {
            case EQUALS -> actual.equals(ConditionValues.date(expected, today));
            case BEFORE, LESS_THAN -> actual.isBefore(ConditionValues.date(expected, today));
            case AFTER, GREATER_THAN -> actual.isAfter(ConditionValues.date(expected, today));
            case BETWEEN -> !actual.isBefore(ConditionValues.date(expected.get(0), today))
                    && !actual.isAfter(ConditionValues.date(expected.get(1), today));
            // Within the last 90 days: from today − 90 up to and including today (not future dates).
            case WITHIN_LAST -> !actual.isBefore(ConditionValues.spanStart(expected, today)) && !actual.isAfter(today);
            case MORE_THAN_AGO -> actual.isBefore(ConditionValues.spanStart(expected, today));
            default -> throw unsupported(op);
        };
    }

    private static IllegalArgumentException unsupported(Operator op) {
        return new IllegalArgumentException("operator " + op.jsonName() + " does not fit this field");
    }
}
