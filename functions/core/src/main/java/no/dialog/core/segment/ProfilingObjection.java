package no.dialog.core.segment;

import java.util.List;

/**
 * GDPR art. 21: a person who objects to profiling is left out of every segment that judges what they did
 * in Dialog (journeys, steps sent, answers, opens and clicks), whatever else the criteria say, so that no
 * combination of behaviour conditions ({@code not} included) picks them by their behaviour. Segments on
 * register facts alone (membership, age, consents) still include them: those are not profiling of
 * their behaviour in Dialog. Predictions ({@code predicted.*}, ADR 0037) follow the same flag: whoever
 * objects never matches a predicted condition, even where an old score of theirs still exists.
 *
 * <p>Both evaluators (one contact at a time, and the columnar snapshot) apply the same guard, so a
 * preview and a send agree.
 */
public final class ProfilingObjection {

    /** The segment field that carries the objection (a yes/no column in every snapshot). */
    public static final String FIELD = "reservation.objectsToProfiling";

    private ProfilingObjection() {}

    /** The criterion as it must be evaluated: with "has not objected" added when it judges behaviour. */
    public static Criterion guard(Criterion criterion) {
        if (!judgesBehaviour(criterion)) {
            return criterion;
        }
        return new Criterion.All(List.of(criterion, Criterion.Condition.of(FIELD, Operator.EQUALS, false)));
    }

    /** Whether any condition in the tree reads the person's behaviour in Dialog, or a prediction about them. */
    public static boolean judgesBehaviour(Criterion criterion) {
        if (criterion instanceof Criterion.All all) {
            return all.children().stream().anyMatch(ProfilingObjection::judgesBehaviour);
        }
        if (criterion instanceof Criterion.Any any) {
            return any.children().stream().anyMatch(ProfilingObjection::judgesBehaviour);
        }
        if (criterion instanceof Criterion.Not not) {
            return judgesBehaviour(not.child());
        }
        Criterion.Condition condition = (Criterion.Condition) criterion;
        if (Criteria.isPredicted(condition)) {
            return true; // a prediction is profiling (ADR 0037), whatever an old score says
        }
        return SegmentFields.forCondition(condition.field(), condition.value())
                .map(field -> field.type().isBehaviour())
                .orElse(false);
    }
}
