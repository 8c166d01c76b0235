package no.dialog.core.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * One person in one journey version. Every change produces a copy with {@code revision + 1}; stores
 * write it only if the stored revision is still the one it was computed from, so two workers (or a
 * redelivered message) cannot advance a person twice.
 *
 * @param choices      the variant chosen at each send step and the path taken at each split, by step id;
 *                     the reserved key {@link JourneyEngine#LAST_SEND_CHOICE} (never a valid step id)
 *                     names the send step run last, so a goal can be credited to its variant; at an
 *                     experiment's step the choice is the person's arm, {@link Experiment#HOLDOUT} for a
 *                     person held out (parked WAITING at that step until the goal window ends, sent
 *                     nothing), and {@link JourneyEngine#ARM_OPTED_OUT_CHOICE} marks an opt-out counted
 *                     against the arm
 * @param visits       how many times each step has been entered (part of a send's idempotency key, so a
 *                     loop through a wait sends again but a retry does not)
 * @param received     signals received during this enrolment that branches may look at (bounded)
 * @param dueAt        when a WAITING enrolment wakes (end of the wait or its timeout); null when DONE
 * @param goalDeadline the end of the goal window; null when the journey has no goal
 */
public record Enrolment(TenantId tenant, String enrolmentId, String journeyId, int version, String contactId,
                        EnrolmentState state, String stepId, Instant dueAt, Instant enrolledAt,
                        Instant goalDeadline, Instant goalReachedAt, Map<String, String> choices,
                        Map<String, Integer> visits, List<ReceivedSignal> received, String exitReason,
                        long revision) {

    /**
     * A signal remembered for branches: its type and attributes, when it happened, and two opaque ids:
     * {@code signalId} so a redelivered signal is recognised and applied once, and {@code journeyId}
     * (null for outside events) so a {@code sameJourney} condition can be checked later.
     */
    public record ReceivedSignal(String type, Map<String, String> attributes, Instant at, String signalId,
                                 String journeyId) {
        public ReceivedSignal {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        /** A remembered signal without ids (stored before the ids were kept, or built in tests). */
        public ReceivedSignal(String type, Map<String, String> attributes, Instant at) {
            this(type, attributes, at, null, null);
        }

        public static ReceivedSignal of(Signal signal) {
            return new ReceivedSignal(signal.type(), signal.attributes(), signal.occurredAt(), signal.signalId(),
                    signal.journeyId());
        }
    }

    public Enrolment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(state, "state");
        choices = choices == null ? Map.of() : Map.copyOf(choices);
        visits = visits == null ? Map.of() : Map.copyOf(visits);
        received = received == null ? List.of() : List.copyOf(received);
    }
}
