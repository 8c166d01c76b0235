package no.dialog.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class ContactHistoriesTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static Enrolment enrolment(String journeyId, int entry, EnrolmentState state, Instant goalReachedAt,
                               Map<String, String> choices, Map<String, Integer> visits,
                               List<Enrolment.ReceivedSignal> received) {
        return new Enrolment(DEMO, journeyId + "-" + entry + "-abc", journeyId, 1, "C-1", state, "some-step",
                null, AT, null, goalReachedAt, choices, visits, received, null, 3);
    }

    static Enrolment.ReceivedSignal signal(String type, String journeyId, Map<String, String> attributes) {
        return new Enrolment.ReceivedSignal(type, attributes, AT, "sig-" + type + attributes.hashCode(), journeyId);
    }

    @Test
    void aPersonWithoutEnrolmentsHasAnEmptyHistory() {
        assertThat(ContactHistories.from(List.of())).isEqualTo(ContactHistory.EMPTY);
        assertThat(ContactHistory.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void readsJourneysNowGoalsSendsAnswersOpensAndClicksFromEveryEnrolment() {
        Enrolment running = enrolment("student-2026", 1, EnrolmentState.WAITING, null,
                Map.of("first-sms", "A", "reminder", "B", JourneyEngine.LAST_SEND_CHOICE, "reminder"),
                Map.of("start", 1, "first-sms", 1, "reminder", 2, "wait", 2),
                List.of(signal("answered", "student-2026", Map.of("question", "still-student", "value", "yes")),
                        signal("clicked", "student-2026", Map.of())));
        Enrolment finished = enrolment("welcome", 1, EnrolmentState.DONE, AT,
                Map.of("hello", "only"), Map.of("hello", 1),
                List.of(signal("opened", "welcome", Map.of())));

        ContactHistory history = ContactHistories.from(List.of(running, finished));

        assertThat(history.inNow()).containsExactly("student-2026");
        assertThat(history.goalReached()).containsExactly("welcome");
        assertThat(history.sentSteps()).containsExactlyInAnyOrder("student-2026/first-sms", "student-2026/reminder",
                "welcome/hello");
        assertThat(history.answers()).containsExactly(
                new ContactHistory.Answer("student-2026", "still-student", "yes"));
        assertThat(history.answersByQuestion()).isEqualTo(Map.of("still-student", java.util.Set.of("yes")));
        assertThat(history.opened()).containsExactly("welcome");
        assertThat(history.clicked()).containsExactly("student-2026");
    }

    @Test
    void aChoiceWithoutAVisitIsNoSendAndTheLastSendMarkerIsNoStep() {
        Enrolment enrolment = enrolment("j", 1, EnrolmentState.ACTIVE, null,
                Map.of("never-entered", "A", JourneyEngine.LAST_SEND_CHOICE, "never-entered"), Map.of(), List.of());

        assertThat(ContactHistories.from(List.of(enrolment)).sentSteps()).isEmpty();
    }

    @Test
    void signalsCountOnlyForTheJourneyTheyAnswerAndAnswersNeedQuestionAndValue() {
        Enrolment enrolment = enrolment("j", 1, EnrolmentState.ACTIVE, null, Map.of(), Map.of(), List.of(
                signal("answered", "other", Map.of("question", "q", "value", "yes")),
                signal("answered", null, Map.of("question", "q", "value", "yes")),
                signal("answered", "j", Map.of("question", "q")),
                signal("opened", "other", Map.of()),
                signal("clicked", null, Map.of()),
                signal("paid", "j", Map.of())));

        ContactHistory history = ContactHistories.from(List.of(enrolment));

        assertThat(history.answers()).isEmpty();
        assertThat(history.opened()).isEmpty();
        assertThat(history.clicked()).isEmpty();
        assertThat(history.inNow()).containsExactly("j");
    }

    @Test
    void recordedSendsReplaceTheVisitsSoACappedSendIsNotCounted() {
        Enrolment enrolment = enrolment("j", 1, EnrolmentState.ACTIVE, null,
                Map.of("first-sms", "A", "capped-one", "A"), Map.of("first-sms", 1, "capped-one", 1), List.of());

        ContactHistory recorded = ContactHistories.of(enrolment, List.of("first-sms"));

        assertThat(recorded.sentSteps()).containsExactly("j/first-sms");
        assertThat(ContactHistories.from(List.of(enrolment)).sentSteps()).contains("j/capped-one");
    }

    @Test
    void aReEntryKeepsTheGoalOfTheEarlierEntryAndIsInTheJourneyAgain() {
        Enrolment first = enrolment("j", 1, EnrolmentState.DONE, AT, Map.of(), Map.of(), List.of());
        Enrolment second = enrolment("j", 2, EnrolmentState.ACTIVE, null, Map.of(), Map.of(), List.of());

        ContactHistory history = ContactHistories.from(List.of(first, second));

        assertThat(history.goalReached()).containsExactly("j");
        assertThat(history.inNow()).containsExactly("j");
        assertThat(history.plus(ContactHistory.EMPTY)).isSameAs(history);
    }
}
