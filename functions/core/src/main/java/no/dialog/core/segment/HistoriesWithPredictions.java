package no.dialog.core.segment;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantId;

/**
 * {@link BehaviourHistories} that also lays the organisation's predictions over the histories (ADR 0037),
 * read only for criteria with {@code predicted.*} conditions: a segment that asks about no prediction never
 * loads the table.
 * <pre>{@code
 * BehaviourHistories histories = new HistoriesWithPredictions(enrolmentHistories, predictionTables);
 * new SnapshotSegmentMatches(fresh, histories, clock);
 * }</pre>
 */
public final class HistoriesWithPredictions implements BehaviourHistories {

    private final BehaviourHistories histories;
    private final PredictionTables predictions;

    public HistoriesWithPredictions(BehaviourHistories histories, PredictionTables predictions) {
        this.histories = Objects.requireNonNull(histories, "histories");
        this.predictions = Objects.requireNonNull(predictions, "predictions");
    }

    @Override
    public Map<String, ContactHistory> forJourneys(TenantId tenant, Set<String> journeyIds) {
        return histories.forJourneys(tenant, journeyIds);
    }

    @Override
    public BehaviourLookup lookupFor(TenantId tenant, Criterion criterion) {
        BehaviourLookup lookup = histories.lookupFor(tenant, criterion);
        if (!Criteria.usesPredictions(criterion)) {
            return lookup;
        }
        return BehaviourLookup.withPredictions(lookup, predictions.latest(tenant).orElse(PredictionTable.EMPTY));
    }
}
