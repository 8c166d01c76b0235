package no.dialog.core.segment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyEngine;

/**
 * What a person has done in Dialog's journeys, as behaviour segments ask about it (ADR 0007):
 * <ul>
 *   <li>{@code inNow}: journeys they are in now (an enrolment that is not DONE);</li>
 *   <li>{@code goalReached}: journeys whose goal they reached (any entry);</li>
 *   <li>{@code sentSteps}: send steps they were sent, as {@code "journeyId/stepId"};</li>
 *   <li>{@code answers}: answers they gave in a journey (signals of type {@code answered} with the
 *       attributes {@code question} and {@code value});</li>
 *   <li>{@code opened}, {@code clicked}: journeys in which they opened / clicked a message.</li>
 * </ul>
 * Signals count for the journey whose enrolment remembered them and only when they answer that same
 * journey (their {@code journeyId}), so the history of one journey depends only on that journey's
 * enrolments: that is what lets {@link BehaviourHistories} read one journey at a time.
 * <pre>{@code
 * ContactHistory h = ContactHistory.from(enrolmentStore.ofContact(tenant, contactId));
 * h.inNow().contains("student-2026");
 * }</pre>
 */
public record ContactHistory(Set<String> inNow, Set<String> goalReached, Set<String> sentSteps,
                             Set<Answer> answers, Set<String> opened, Set<String> clicked) {

    /** A person with no enrolments. */
    public static final ContactHistory EMPTY =
            new ContactHistory(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    /** Signal type and attributes of an answer (landing page, SMS reply). */
    public static final String ANSWERED = "answered";
    public static final String QUESTION = "question";
    public static final String VALUE = "value";
    public static final String OPENED = "opened";
    public static final String CLICKED = "clicked";

    /** One answer: the journey it was given in, the question's id and the value chosen. */
    public record Answer(String journeyId, String question, String value) {
        public Answer {
            Objects.requireNonNull(journeyId, "journeyId");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(value, "value");
        }
    }

    public ContactHistory {
        inNow = copy(inNow);
        goalReached = copy(goalReached);
        sentSteps = copy(sentSteps);
        answers = copy(answers);
        opened = copy(opened);
        clicked = copy(clicked);
    }

    /** The key of a sent step: {@code "journeyId/stepId"}. */
    public static String stepKey(String journeyId, String stepId) {
        return journeyId + "/" + stepId;
    }

    /**
     * The history of a person's enrolments (any journeys, any entries), where the enrolments alone
     * must tell which steps were sent: a send step counts as sent when it was visited, so a send the
     * frequency cap stopped (or that no sender served) counts too, and so does a split (its path is kept
     * among the choices like a send's variant). Stores that record the sends give the exact answer with
     * {@link #of(Enrolment, Collection)}.
     */
    public static ContactHistory from(List<Enrolment> enrolments) {
        ContactHistory history = EMPTY;
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
            sent.add(stepKey(journeyId, stepId));
        }
        Set<Answer> answers = new HashSet<>();
        boolean opened = false;
        boolean clicked = false;
        for (Enrolment.ReceivedSignal signal : enrolment.received()) {
            if (!journeyId.equals(signal.journeyId())) {
                continue;
            }
            switch (signal.type()) {
                case ANSWERED -> {
                    String question = signal.attributes().get(QUESTION);
                    String value = signal.attributes().get(VALUE);
                    if (question != null && value != null) {
                        answers.add(new Answer(journeyId, question, value));
                    }
                }
                case OPENED -> opened = true;
                case CLICKED -> clicked = true;
                default -> { }
            }
        }
        return new ContactHistory(
                enrolment.state() == EnrolmentState.DONE ? Set.of() : Set.of(journeyId),
                enrolment.goalReachedAt() == null ? Set.of() : Set.of(journeyId),
                sent, answers, opened ? Set.of(journeyId) : Set.of(), clicked ? Set.of(journeyId) : Set.of());
    }

    /** Both histories together (several enrolments of one person). */
    public ContactHistory plus(ContactHistory other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new ContactHistory(union(inNow, other.inNow), union(goalReached, other.goalReached),
                union(sentSteps, other.sentSteps), union(answers, other.answers), union(opened, other.opened),
                union(clicked, other.clicked));
    }

    public boolean isEmpty() {
        return inNow.isEmpty() && goalReached.isEmpty() && sentSteps.isEmpty() && answers.isEmpty()
                && opened.isEmpty() && clicked.isEmpty();
    }

    /** Question → values given, over every journey (the conditions themselves ask per journey). */
    public Map<String, Set<String>> answersByQuestion() {
        Map<String, Set<String>> byQuestion = new HashMap<>();
        for (Answer answer : answers) {
            byQuestion.computeIfAbsent(answer.question(), q -> new HashSet<>()).add(answer.value());
        }
        return byQuestion;
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

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<T> both = new HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    private static <T> Set<T> copy(Set<T> set) {
        return set == null ? Set.of() : Set.copyOf(set);
    }
}
