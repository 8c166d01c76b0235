package no.dialog.core.journey;

import java.util.Map;
import java.util.Objects;

/**
 * Which signals count, for a goal or a wait: the type, and attribute values that must all be equal
 * (for example type {@code answered} where {@code question = still-student}). When
 * {@code sameJourney} is true only signals that carry this enrolment's journey count (an answer to
 * this journey's landing page); otherwise any signal of the type for the person counts (a gift).
 */
public record SignalMatch(String type, Map<String, String> where, boolean sameJourney) {

    public SignalMatch {
        Objects.requireNonNull(type, "type");
        where = where == null ? Map.of() : Map.copyOf(where);
    }

    public boolean matches(Signal signal, String journeyId) {
        return matches(signal.type(), signal.attributes(), signal.journeyId(), journeyId);
    }

    /** The same test on a signal remembered by an enrolment. */
    public boolean matches(Enrolment.ReceivedSignal received, String journeyId) {
        return matches(received.type(), received.attributes(), received.journeyId(), journeyId);
    }

    private boolean matches(String signalType, Map<String, String> attributes, String signalJourneyId,
                            String journeyId) {
        if (!type.equals(signalType)) {
            return false;
        }
        if (sameJourney && !journeyId.equals(signalJourneyId)) {
            return false;
        }
        for (Map.Entry<String, String> condition : where.entrySet()) {
            if (!condition.getValue().equals(attributes.get(condition.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
