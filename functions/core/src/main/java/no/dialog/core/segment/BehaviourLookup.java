package no.dialog.core.segment;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;

/**
 * The histories an evaluation judges behaviour conditions against: a person without one has the
 * {@link ContactHistory#EMPTY empty history}. Histories change with every journey step, so they are
 * looked up per evaluation and never kept in a segment snapshot.
 * <pre>{@code
 * BehaviourLookup lookup = BehaviourLookup.of(histories.forJourneys(tenant, Criteria.journeyIds(criterion)));
 * SegmentEvaluator.matches(contact, lookup.of(contact.id()), criterion, today);
 * }</pre>
 */
public interface BehaviourLookup {

    /** No histories at all: every behaviour condition sees an empty history. */
    BehaviourLookup NONE = of(Map.of());

    /** The person's history, {@link ContactHistory#EMPTY} when there is none. */
    ContactHistory of(String contactId);

    /** Every person with a (non-empty) history, for evaluators that start from the histories. */
    void forEachKnown(BiConsumer<String, ContactHistory> sink);

    /** The predictions laid over the histories ({@link #withPredictions}); empty when there are none. */
    default PredictionTable predictions() {
        return PredictionTable.EMPTY;
    }

    /**
     * The journey histories alone, for evaluators that judge journey conditions from {@link #forEachKnown}
     * and read predictions from {@link #predictions()} as a column: they need not visit every scored person.
     */
    default BehaviourLookup withoutPredictions() {
        return this;
    }

    /**
     * The journey histories of {@code base} with each person's prediction from {@code table} (ADR 0037),
     * without copying the table into a map: {@link #of} adds the person's row, {@link #forEachKnown} visits
     * the histories and then the scored people without one.
     */
    static BehaviourLookup withPredictions(BehaviourLookup base, PredictionTable table) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(table, "table");
        if (table.isEmpty()) {
            return base;
        }
        return new BehaviourLookup() {
            @Override
            public ContactHistory of(String contactId) {
                return base.of(contactId).withPrediction(table.find(contactId));
            }

            @Override
            public void forEachKnown(BiConsumer<String, ContactHistory> sink) {
                base.forEachKnown((id, history) -> sink.accept(id, history.withPrediction(table.find(id))));
                for (int row = 0; row < table.size(); row++) {
                    String id = table.contactId(row);
                    ContactHistory history = base.of(id);
                    Prediction prediction = table.prediction(row);
                    if (history.hasNoJourneys() && !prediction.isEmpty()) {
                        sink.accept(id, history.withPrediction(prediction));
                    }
                }
            }

            @Override
            public PredictionTable predictions() {
                return table;
            }

            @Override
            public BehaviourLookup withoutPredictions() {
                return base;
            }
        };
    }

    static BehaviourLookup of(Map<String, ContactHistory> byContactId) {
        Objects.requireNonNull(byContactId, "byContactId");
        return new BehaviourLookup() {
            @Override
            public ContactHistory of(String contactId) {
                return byContactId.getOrDefault(contactId, ContactHistory.EMPTY);
            }

            @Override
            public void forEachKnown(BiConsumer<String, ContactHistory> sink) {
                byContactId.forEach((id, history) -> {
                    if (!history.isEmpty()) {
                        sink.accept(id, history);
                    }
                });
            }
        };
    }
}
