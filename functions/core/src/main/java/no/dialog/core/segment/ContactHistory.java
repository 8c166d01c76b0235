package no.dialog.core.segment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.predicted.Prediction;

/**
 * What a person has done in Dialog's journeys, as behaviour segments ask about it (ADR 0007):
 * <ul>
 *   <li>{@code inNow}: journeys they are in now (an enrolment that is not DONE);</li>
 *   <li>{@code goalReached}: journeys whose goal they reached (any entry);</li>
 *   <li>{@code sentSteps}: send steps they were sent, as {@code "journeyId/stepId"};</li>
 *   <li>{@code answers}: answers they gave in a journey (signals of type {@code answered} with the
 *       attributes {@code question} and {@code value});</li>
 *   <li>{@code opened}, {@code clicked}: journeys in which they opened / clicked a message;</li>
 *   <li>{@code predicted}: what the organisation's published models say about them (ADR 0037), read by
 *       {@code predicted.*} conditions; laid over the journey histories by {@link BehaviourLookup#withPredictions}.</li>
 * </ul>
 * Signals count for the journey whose enrolment remembered them and only when they answer that same
 * journey (their {@code journeyId}), so the history of one journey depends only on that journey's
 * enrolments: that is what lets {@link BehaviourHistories} read one journey at a time. Made from enrolments by
 * {@link no.dialog.core.journey.ContactHistories}.
 * <pre>{@code
 * ContactHistory h = ContactHistories.from(enrolmentStore.ofContact(tenant, contactId));
 * h.inNow().contains("student-2026");
 * }</pre>
 */
public record ContactHistory(Set<String> inNow, Set<String> goalReached, Set<String> sentSteps,
                             Set<Answer> answers, Set<String> opened, Set<String> clicked, Prediction predicted) {

    /** A person with no enrolments and no prediction. */
    public static final ContactHistory EMPTY =
            new ContactHistory(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Prediction.NONE);

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
        predicted = predicted == null ? Prediction.NONE : predicted;
    }

    /** Journey behaviour without a prediction. */
    public ContactHistory(Set<String> inNow, Set<String> goalReached, Set<String> sentSteps, Set<Answer> answers,
                          Set<String> opened, Set<String> clicked) {
        this(inNow, goalReached, sentSteps, answers, opened, clicked, Prediction.NONE);
    }

    /** The same journey behaviour with this prediction. */
    public ContactHistory withPrediction(Prediction prediction) {
        return new ContactHistory(inNow, goalReached, sentSteps, answers, opened, clicked, prediction);
    }

    /** The key of a sent step: {@code "journeyId/stepId"}. */
    public static String stepKey(String journeyId, String stepId) {
        return journeyId + "/" + stepId;
    }

    /**
     * Both histories together (several enrolments of one person). A person has one prediction: this one's
     * when it has one, else the other's.
     */
    public ContactHistory plus(ContactHistory other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new ContactHistory(union(inNow, other.inNow), union(goalReached, other.goalReached),
                union(sentSteps, other.sentSteps), union(answers, other.answers), union(opened, other.opened),
                union(clicked, other.clicked), predicted.isEmpty() ? other.predicted : predicted);
    }

    /** No journey behaviour and no prediction. */
    public boolean isEmpty() {
        return hasNoJourneys() && predicted.isEmpty();
    }

    /** No journey behaviour (a prediction may be there). */
    public boolean hasNoJourneys() {
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
