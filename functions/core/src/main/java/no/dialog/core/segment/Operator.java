package no.dialog.core.segment;

import java.util.Optional;

/**
 * What a {@link Criterion.Condition} asks of a field. The JSON name is lower camel case, e.g.
 * {@code {"field":"age","op":"greaterThan","value":17}}.
 *
 * <p>Value shapes, checked by {@link SegmentDefinitions}:
 * <ul>
 *   <li>{@code exists}, {@code notExists}: no value</li>
 *   <li>{@code in}: a non-empty array of values; {@code between}: an array of exactly two (inclusive)</li>
 *   <li>{@code withinLast}, {@code moreThanAgo}: {@code {"amount": 90, "unit": "days"}}</li>
 *   <li>dates: {@code "2026-01-01"}, {@code "today"} or {@code {"relative": "-P90D"}}</li>
 * </ul>
 */
public enum Operator {
    EQUALS("equals"),
    NOT_EQUALS("notEquals"),
    IN("in"),
    CONTAINS("contains"),
    EXISTS("exists"),
    NOT_EXISTS("notExists"),
    LESS_THAN("lessThan"),
    GREATER_THAN("greaterThan"),
    BETWEEN("between"),
    BEFORE("before"),
    AFTER("after"),
    WITHIN_LAST("withinLast"),
    MORE_THAN_AGO("moreThanAgo");

    private final String jsonName;

    Operator(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Operator> fromJsonName(String name) {
        for (Operator op : values()) {
            if (op.jsonName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Operators that take no value: they only ask whether the field has one. */
    public boolean takesNoValue() {
        return this == EXISTS || this == NOT_EXISTS;
    }

    /** Operators whose value is a span of time back from today ({@code {"amount":..,"unit":..}}). */
    public boolean takesSpan() {
        return this == WITHIN_LAST || this == MORE_THAN_AGO;
    }
}
