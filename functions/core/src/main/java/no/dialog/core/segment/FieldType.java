package no.dialog.core.segment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static no.dialog.core.segment.Operator.*;

/**
 * The type of a segment field, which decides which operators make sense for it. The admin UI uses
 * {@link #operators()} to offer only meaningful choices.
 */
public enum FieldType {
    /** Free text; {@code equals}, {@code in} and {@code contains} ignore case. */
    TEXT(EnumSet.of(EQUALS, NOT_EQUALS, IN, CONTAINS, EXISTS, NOT_EXISTS)),
    /** Whole or decimal numbers; amounts are in øre. */
    NUMBER(EnumSet.of(EQUALS, NOT_EQUALS, IN, LESS_THAN, GREATER_THAN, BETWEEN, EXISTS, NOT_EXISTS)),
    BOOLEAN(EnumSet.of(EQUALS, EXISTS, NOT_EXISTS)),
    /** Calendar dates; {@code lessThan}/{@code greaterThan} mean the same as {@code before}/{@code after}. */
    DATE(EnumSet.of(EQUALS, BEFORE, AFTER, LESS_THAN, GREATER_THAN, BETWEEN, WITHIN_LAST, MORE_THAN_AGO,
            EXISTS, NOT_EXISTS)),
    /** One of a fixed set of values (see {@link SegmentField#allowedValues()}), compared exactly. */
    ENUM(EnumSet.of(EQUALS, NOT_EQUALS, IN, EXISTS, NOT_EXISTS)),
    /** A list of codes: {@code contains} one code, {@code in} = contains at least one of several. */
    LIST(EnumSet.of(CONTAINS, IN, EXISTS, NOT_EXISTS));

    private final Set<Operator> operators;

    FieldType(Set<Operator> operators) {
        this.operators = Set.copyOf(operators);
    }

    public Set<Operator> operators() {
        return operators;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
