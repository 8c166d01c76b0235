package no.dialog.core.segment;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

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
