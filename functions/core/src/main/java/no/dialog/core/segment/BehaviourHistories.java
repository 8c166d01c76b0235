package no.dialog.core.segment;

import java.util.Map;
import java.util.Set;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the behaviour histories of a whole tenant for some journeys, read in bulk (not one query per
 * person). Only facts about {@code journeyIds} need to be in the answer: behaviour conditions always
 * name their journey ({@link Criteria#journeyIds}). People without any enrolment in those journeys may
 * be left out; evaluators treat them as having an empty history.
 */
public interface BehaviourHistories {

    /** For wiring where there is no journey runtime: everyone has an empty history. */
    BehaviourHistories NONE = (tenant, journeyIds) -> Map.of();

    /** Contact id → that person's history in the given journeys. */
    Map<String, ContactHistory> forJourneys(TenantId tenant, Set<String> journeyIds);

    /** The lookup an evaluation of {@code criterion} needs: none at all unless it asks about behaviour. */
    default BehaviourLookup lookupFor(TenantId tenant, Criterion criterion) {
        if (!Criteria.usesBehaviour(criterion)) {
            return BehaviourLookup.NONE;
        }
        return BehaviourLookup.of(forJourneys(tenant, Criteria.journeyIds(criterion)));
    }
}
