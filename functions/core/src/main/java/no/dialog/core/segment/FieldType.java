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
    LIST(EnumSet.of(CONTAINS, IN, EXISTS, NOT_EXISTS)),
    /**
     * Behaviour in Dialog: a journey id ({@code "student-2026"}); {@code equals} asks about one journey,
     * {@code in} about any of several. Read from the person's {@link ContactHistory}, not the contact.
     */
    JOURNEY(EnumSet.of(EQUALS, IN)),
    /** Behaviour in Dialog: a send step of a journey, written {@code "journeyId/stepId"}. */
    JOURNEY_STEP(EnumSet.of(EQUALS, IN)),
    /**
     * Behaviour in Dialog: an answer in a journey, {@code {"journey": .., "question": .., "value": ..}};
     * without {@code value}, any answer to the question.
     */
    ANSWER(EnumSet.of(EQUALS, IN));

    private final Set<Operator> operators;

    FieldType(Set<Operator> operators) {
        this.operators = Set.copyOf(operators);
    }

    public Set<Operator> operators() {
        return operators;
    }

    /** Whether fields of this type ask about the person's history in Dialog rather than the contact. */
    public boolean isBehaviour() {
        return this == JOURNEY || this == JOURNEY_STEP || this == ANSWER;
    }

    /** Lower camel case, as every JSON name of the API: {@code text}, {@code journeyStep}. */
    public String jsonName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int underscore = lower.indexOf('_');
        return underscore < 0 ? lower : lower.substring(0, underscore)
                + Character.toUpperCase(lower.charAt(underscore + 1)) + lower.substring(underscore + 2);
    }
}
