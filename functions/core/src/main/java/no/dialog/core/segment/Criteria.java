package no.dialog.core.segment;

import java.util.Collections;
import java.util.Set;

/**
 * Questions about a whole criterion tree, asked before evaluating it: does it need behaviour
 * histories at all, and for which journeys; does it need the organisation's predictions. A segment over contact fields only never reads the
 * enrolments table.
 * <pre>{@code
 * if (Criteria.usesBehaviour(criterion)) histories.forJourneys(tenant, Criteria.journeyIds(criterion));
 * }</pre>
 */
public final class Criteria {

    private Criteria() {}

    /** Whether any condition of the tree asks about behaviour in Dialog ({@code journey.*}). */
    public static boolean usesBehaviour(Criterion criterion) {
        if (criterion instanceof Criterion.All all) {
            return all.children().stream().anyMatch(Criteria::usesBehaviour);
        }
        if (criterion instanceof Criterion.Any any) {
            return any.children().stream().anyMatch(Criteria::usesBehaviour);
        }
        if (criterion instanceof Criterion.Not not) {
            return usesBehaviour(not.child());
        }
        return isBehaviour((Criterion.Condition) criterion);
    }

    /** Whether any condition of the tree asks about a prediction ({@code predicted.*}, ADR 0037). */
    public static boolean usesPredictions(Criterion criterion) {
        if (criterion instanceof Criterion.All all) {
            return all.children().stream().anyMatch(Criteria::usesPredictions);
        }
        if (criterion instanceof Criterion.Any any) {
            return any.children().stream().anyMatch(Criteria::usesPredictions);
        }
        if (criterion instanceof Criterion.Not not) {
            return usesPredictions(not.child());
        }
        return isPredicted((Criterion.Condition) criterion);
    }

    /** Whether this one condition is about the person's prediction. */
    public static boolean isPredicted(Criterion.Condition condition) {
        return SegmentFields.isPredicted(condition.field()) && SegmentFields.find(condition.field()).isPresent();
    }

    /** The journeys the tree's behaviour conditions name (empty when it has none), in order of first mention. */
    public static Set<String> journeyIds(Criterion criterion) {
        Set<String> ids = BehaviourConditions.newIdSet();
        collect(criterion, ids);
        return Collections.unmodifiableSet(ids);
    }

    /** Whether this one condition is about behaviour. */
    public static boolean isBehaviour(Criterion.Condition condition) {
        return SegmentFields.find(condition.field()).map(f -> f.type().isBehaviour()).orElse(false);
    }

    private static void collect(Criterion criterion, Set<String> ids) {
        if (criterion instanceof Criterion.All all) {
            all.children().forEach(c -> collect(c, ids));
        } else if (criterion instanceof Criterion.Any any) {
            any.children().forEach(c -> collect(c, ids));
        } else if (criterion instanceof Criterion.Not not) {
            collect(not.child(), ids);
        } else if (isBehaviour((Criterion.Condition) criterion)) {
            BehaviourConditions.journeyIds((Criterion.Condition) criterion, ids);
        }
    }
}
