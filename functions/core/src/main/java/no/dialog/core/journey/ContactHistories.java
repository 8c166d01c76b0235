package no.dialog.core.journey;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.dialog.core.segment.ContactHistory;

/**
 * A person's {@link ContactHistory} (what behaviour segments ask about, ADR 0007) read from their
 * enrolments: journeys they are in now, goals reached, steps sent, answers given, messages opened and
 * clicked. It is the journey that knows what an enrolment records, so the history is made here and the
 * segment package only reads it.
 */
public final class ContactHistories {

    private ContactHistories() {}

    /**
     * The history of a person's enrolments (any journeys, any entries), where the enrolments alone
     * must tell which steps were sent: a send step counts as sent when it was visited, so a send the
     * frequency cap stopped (or that no sender served) counts too, and so does a split (its path is kept
     * among the choices like a send's variant). Stores that record the sends give the exact answer with
     * {@link #of(Enrolment, Collection)}.
     */
    public static ContactHistory from(List<Enrolment> enrolments) {
        ContactHistory history = ContactHistory.EMPTY;
        for (Enrolment enrolment : enrolments) {
            history = history.plus(of(enrolment, visitedChoiceSteps(enrolment)));
        }
        return history;
    }

    /** The history of one enrolment, with the ids of the steps whose sends were actually handed on. */
    public static ContactHistory of(Enrolment enrolment, Collection<String> sentStepIds) {
        String journeyId = enrolment.journeyId();
        Set<String> sent = new HashSet<>();
        for (String stepId : sentStepIds) {
            sent.add(ContactHistory.stepKey(journeyId, stepId));
        }
        Set<ContactHistory.Answer> answers = new HashSet<>();
        boolean opened = false;
        boolean clicked = false;
        for (Enrolment.ReceivedSignal signal : enrolment.received()) {
            if (!journeyId.equals(signal.journeyId())) {
                continue;
            }
            switch (signal.type()) {
                case ContactHistory.ANSWERED -> {
                    String question = signal.attributes().get(ContactHistory.QUESTION);
                    String value = signal.attributes().get(ContactHistory.VALUE);
                    if (question != null && value != null) {
                        answers.add(new ContactHistory.Answer(journeyId, question, value));
                    }
                }
                case ContactHistory.OPENED -> opened = true;
                case ContactHistory.CLICKED -> clicked = true;
                default -> { }
            }
        }
        return new ContactHistory(
                enrolment.state() == EnrolmentState.DONE ? Set.of() : Set.of(journeyId),
                enrolment.goalReachedAt() == null ? Set.of() : Set.of(journeyId),
                sent, answers, opened ? Set.of(journeyId) : Set.of(), clicked ? Set.of(journeyId) : Set.of());
    }

    /** Steps with a recorded choice (send variants, split paths) that were visited. */
    private static Set<String> visitedChoiceSteps(Enrolment enrolment) {
        Set<String> steps = new HashSet<>();
        for (String stepId : enrolment.choices().keySet()) {
            if (!stepId.equals(JourneyEngine.LAST_SEND_CHOICE) && enrolment.visits().getOrDefault(stepId, 0) > 0) {
                steps.add(stepId);
            }
        }
        return steps;
    }
}
