package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.ContactHistories;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Histories read through the byJourney index, as enrolments are created and committed by the store. */
class DynamoDbBehaviourHistoriesTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static DynamoDbEnrolmentStore store;
    private static DynamoDbBehaviourHistories histories;
    private static DynamoDbBehaviourHistories smallPages;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String table = TestTables.enrolments(dynamoDb);
        store = new DynamoDbEnrolmentStore(dynamoDb, table);
        histories = new DynamoDbBehaviourHistories(dynamoDb, table);
        smallPages = new DynamoDbBehaviourHistories(dynamoDb, table, 7);
    }

    private static Enrolment started(TenantId tenant, String journeyId, String contactId, int entry) {
        Enrolment e = new Enrolment(tenant, EnrolmentIds.of(tenant, journeyId, entry, contactId), journeyId, 1,
                contactId, EnrolmentState.ACTIVE, "first-sms", NOW, NOW, null, null, Map.of(), Map.of(), List.of(),
                null, 0);
        assertThat(store.create(e, List.of())).isTrue();
        return e;
    }

    /** The next revision with these changes; the engine's work, reduced to what the summary reads. */
    private static Enrolment next(Enrolment e, EnrolmentState state, String step, Instant goalReachedAt,
                                  List<Enrolment.ReceivedSignal> received) {
        Map<String, Integer> visits = new java.util.HashMap<>(e.visits());
        visits.merge(step, 1, Integer::sum);
        Map<String, String> choices = new java.util.HashMap<>(e.choices());
        choices.put(step, "A");
        return new Enrolment(e.tenant(), e.enrolmentId(), e.journeyId(), e.version(), e.contactId(), state, step,
                state == EnrolmentState.DONE ? null : NOW.plusSeconds(3600), e.enrolledAt(), e.goalDeadline(),
                goalReachedAt, choices, visits, received, state == EnrolmentState.DONE ? "goal" : null,
                e.revision() + 1);
    }

    private static SendRequest send(Enrolment e, String step) {
        return new SendRequest(e.tenant().value(), e.tenant().value() + ":" + e.enrolmentId() + ":" + step + ":1",
                e.contactId(), e.enrolmentId(), e.journeyId(), 1, step, "sms", null, "t-" + step, "A", NOW);
    }

    private static Enrolment commit(Enrolment previous, Enrolment next, List<SendRequest> sends) {
        assertThat(store.commit(previous, next, sends, List.of())).isTrue();
        return next;
    }

    @Test
    void historiesOfATenantInTheNamedJourneysWithOnlyTheSendsHandedOn() {
        // K-1: sent first-sms, then the reminder was capped (visited, no send); answered and reached the goal.
        Enrolment k1 = started(DEMO, "student-2026", "K-1", 1);
        k1 = commit(k1, next(k1, EnrolmentState.WAITING, "first-sms", null, List.of()),
                List.of(send(k1, "first-sms")));
        k1 = commit(k1, next(k1, EnrolmentState.WAITING, "reminder", null, List.of()), List.of());
        List<Enrolment.ReceivedSignal> answered = List.of(new Enrolment.ReceivedSignal("answered",
                Map.of("question", "still-student", "value", "yes"), NOW, "s-1", "student-2026"),
                new Enrolment.ReceivedSignal("clicked", Map.of(), NOW, "s-2", "student-2026"));
        k1 = commit(k1, next(k1, EnrolmentState.DONE, "reminder", NOW, answered), List.of());
        // K-2: in the journey now, nothing sent yet; also in "welcome", where it opened a message.
        started(DEMO, "student-2026", "K-2", 1);
        Enrolment welcome = started(DEMO, "welcome", "K-2", 1);
        commit(welcome, next(welcome, EnrolmentState.WAITING, "hello", null, List.of(
                new Enrolment.ReceivedSignal("opened", Map.of(), NOW, "s-3", "welcome"))),
                List.of(send(welcome, "hello")));
        // Another tenant's person in the same journey id, and a journey nobody asks about.
        started(OTHER, "student-2026", "K-1", 1);
        started(DEMO, "unrelated", "K-3", 1);

        Map<String, ContactHistory> found = histories.forJourneys(DEMO, Set.of("student-2026", "welcome"));

        assertThat(found).containsOnlyKeys("K-1", "K-2");
        ContactHistory one = found.get("K-1");
        assertThat(one.inNow()).isEmpty();
        assertThat(one.goalReached()).containsExactly("student-2026");
        assertThat(one.sentSteps()).containsExactly("student-2026/first-sms");
        assertThat(one.answers()).containsExactly(new ContactHistory.Answer("student-2026", "still-student", "yes"));
        assertThat(one.clicked()).containsExactly("student-2026");
        ContactHistory two = found.get("K-2");
        assertThat(two.inNow()).containsExactlyInAnyOrder("student-2026", "welcome");
        assertThat(two.sentSteps()).containsExactly("welcome/hello");
        assertThat(two.opened()).containsExactly("welcome");
        assertThat(histories.forJourneys(DEMO, Set.of("nobody-here"))).isEmpty();
        assertThat(histories.forJourneys(OTHER, Set.of("student-2026"))).containsOnlyKeys("K-1");
        // The enrolment read back is the one committed: the update leaves nothing of older revisions.
        assertThat(store.find(DEMO, new EnrolmentRef("K-1", k1.enrolmentId()))).contains(k1);
        assertThat(store.pendingSends(DEMO, new EnrolmentRef("K-1", k1.enrolmentId()))).isEmpty();
    }

    @Test
    void reEntriesAddUpAndTheSummaryMatchesWhatTheEnrolmentsSay() {
        Enrolment first = started(DEMO, "again", "R-1", 1);
        first = commit(first, next(first, EnrolmentState.DONE, "first-sms", NOW, List.of()),
                List.of(send(first, "first-sms")));
        Enrolment second = started(DEMO, "again", "R-1", 2);

        ContactHistory history = histories.forJourneys(DEMO, Set.of("again")).get("R-1");

        assertThat(history.goalReached()).containsExactly("again");
        assertThat(history.inNow()).containsExactly("again");
        assertThat(history.sentSteps()).containsExactly("again/first-sms");
        // Without the record of sends, the enrolments alone say the same here (no send was capped).
        assertThat(history).isEqualTo(ContactHistories.from(List.of(first, second)));
    }

    @Test
    void manyPeopleAreReadPageByPage() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "M-" + i;
            ids.add(id);
            started(DEMO, "big", id, 1);
        }

        Map<String, ContactHistory> found = smallPages.forJourneys(DEMO, Set.of("big"));

        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(found.values()).allSatisfy(h -> assertThat(h.inNow()).containsExactly("big"));
    }
}
