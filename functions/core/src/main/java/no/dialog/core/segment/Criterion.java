package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A segment definition: a tree of conditions joined by all (and), any (or) and not. Built by
 * {@link SegmentDefinitions#parse} from the admin UI's JSON, or in code:
 * <pre>{@code
 * Criterion students = new Criterion.All(List.of(
 *         Criterion.Condition.of("membership.type", Operator.EQUALS, "student"),
 *         Criterion.Condition.of("membership.examDate", Operator.BEFORE, "today")));
 * }</pre>
 * Criteria built in code are not validated; parse JSON with {@link SegmentDefinitions} to get the checks.
 */
public sealed interface Criterion {

    /** Matches when every child matches. */
    record All(List<Criterion> children) implements Criterion {
        public All {
            children = List.copyOf(children);
        }
    }

    /** Matches when at least one child matches. */
    record Any(List<Criterion> children) implements Criterion {
        public Any {
            children = List.copyOf(children);
        }
    }

    /** Matches when the child does not. */
    record Not(Criterion child) implements Criterion {}

    /**
     * One question about one field. {@code value} is kept as JSON because its shape depends on the
     * operator (a date, "today", a relative period, an array for {@code in}/{@code between}, a span);
     * it is {@code null} for {@code exists}/{@code notExists}.
     */
    record Condition(String field, Operator op, JsonNode value) implements Criterion {

        /** A condition with a simple value (text, number, boolean), or none when {@code value} is null. */
        public static Condition of(String field, Operator op, Object value) {
            return new Condition(field, op, value == null ? null : SegmentJson.MAPPER.valueToTree(value));
        }
    }
}
