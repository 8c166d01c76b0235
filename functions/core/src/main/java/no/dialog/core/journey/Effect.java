package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;

/** What an advance asks the outside world to do, carried out by the journeys function. */
public sealed interface Effect {

    /**
     * Send one message. {@code idempotencyKey} is stable for (tenant, enrolment, step, visit): computing
     * the same advance again yields the same key, so the sender can refuse a second send.
     */
    record SendRequested(String idempotencyKey, String stepId, SendChannel channel, SendChannel fallback,
                         String variant, String templateId) implements Effect {}

    /** Set a contact field or tag, and tell the org system. */
    record ContactUpdateRequested(String stepId, String field, JsonNode value) implements Effect {}

    /**
     * Add {@code by} to a result counter (1 for a count, the amount for a sum such as
     * {@link ResultCounter#GOAL_REVENUE_ORE}); {@code stepId} and {@code variant} may be null for
     * journey-level counts.
     */
    record Counted(ResultCounter counter, String stepId, String variant, long by) implements Effect {

        public Counted {
            if (by < 1) {
                throw new IllegalArgumentException("a counter only grows");
            }
        }

        /** Add one. */
        public Counted(ResultCounter counter, String stepId, String variant) {
            this(counter, stepId, variant, 1);
        }
    }
}
