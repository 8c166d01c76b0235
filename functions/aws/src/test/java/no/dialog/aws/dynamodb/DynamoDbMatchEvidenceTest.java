package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.payment.match.CampaignJourney;
import no.dialog.core.payment.match.RecentSend;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The match evidence read from the enrolments table, the send ledger and the journeys in DynamoDB Local,
 * written the way the journey engine and the senders write them.
 */
class DynamoDbMatchEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    /** When the payment came: the evidence window ends here. */
    private static final Instant PAID = Instant.parse("2026-12-10T12:00:00Z");
    private static final Instant FROM = PAID.minus(Duration.ofDays(31));
    private static final Clock CLOCK = Clock.fixed(PAID, ZoneOffset.UTC);

    private static DynamoDbJourneyStore journeys;
    private static DynamoDbEnrolmentStore enrolments;
    private static DynamoDbSendLedger ledger;
    private static DynamoDbMatchEvidence evidence;

    @BeforeAll
    static void tables() throws Exception {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String enrolmentsTable = TestTables.enrolments(dynamoDb);
        String ledgerTable = TestTables.withHashKey(dynamoDb, "send-ledger", "pk");
        journeys = new DynamoDbJourneyStore(dynamoDb, TestTables.definitions(dynamoDb));
        enrolments = new DynamoDbEnrolmentStore(dynamoDb, enrolmentsTable);
        ledger = new DynamoDbSendLedger(dynamoDb, ledgerTable, CLOCK);
        evidence = new DynamoDbMatchEvidence(dynamoDb, enrolmentsTable, ledgerTable, journeys,
                new StoredJourneyCatalog(journeys, CLOCK));

        ObjectNode christmas = example("christmas-gift-journey.json");
        journey(DEMO, "julegave", "Julegave 2026", christmas, JourneyStatus.ACTIVE);
        ObjectNode withFallback = example("christmas-gift-journey.json");
        ((ObjectNode) withFallback.get("steps").get(0)).put("fallback", "email");
        journey(DEMO, "vinter", "Vinterinnsamling", withFallback, JourneyStatus.PAUSED);
        journey(DEMO, "gammel", "Sommer 2025", christmas, JourneyStatus.ENDED);
        journey(DEMO, "utkast", "Påske", christmas, JourneyStatus.DRAFT);
        journey(DEMO, "student", "Er du fortsatt student?", example("student-journey.json"), JourneyStatus.ACTIVE);
        journey(OTHER, "theirs", "Their appeal", christmas, JourneyStatus.ACTIVE);
    }

    private static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("../../docs/examples").resolve(name)));
    }

    private static void journey(TenantId tenant, String id, String name, ObjectNode definition, JourneyStatus status) {
        JourneyHead head = journeys.create(tenant, id, name, definition, PAID.minus(Duration.ofDays(60)));
        if (status == JourneyStatus.DRAFT) {
            return;
        }
        head = journeys.changeStatus(tenant, id, head.revision(), JourneyStatus.ACTIVE, PAID.minus(Duration.ofDays(59)));
        if (status != JourneyStatus.ACTIVE) {
            journeys.changeStatus(tenant, id, head.revision(), status, PAID.minus(Duration.ofDays(1)));
        }
    }

    /**
     * An enrolment of the contact that handed the step on {@code visits} times, committed as the engine does
     * (so {@code sent} is written by the store).
     */
    private static Enrolment enrol(TenantId tenant, String journeyId, String contactId, String stepId, int visits,
                                   Instant enrolledAt) {
        String id = EnrolmentIds.of(tenant, journeyId, 1, contactId);
        Enrolment first = new Enrolment(tenant, id, journeyId, 1, contactId, EnrolmentState.ACTIVE, stepId, enrolledAt,
                enrolledAt, null, null, Map.of(), Map.of(), List.of(), null, 1);
        assertThat(enrolments.create(first, List.of())).isTrue();
        Enrolment waiting = new Enrolment(tenant, id, journeyId, 1, contactId, EnrolmentState.WAITING, "wait-gift",
                PAID.plus(Duration.ofDays(5)), enrolledAt, null, null, Map.of(stepId, "A"), Map.of(stepId, visits),
                List.of(), null, 2);
        SendRequest send = new SendRequest(tenant.value(), key(waiting, stepId, visits), contactId, id, journeyId, 1,
                stepId, "sms", null, "christmas-gift-ask", "A", enrolledAt);
        assertThat(enrolments.commit(first, waiting, List.of(send), List.of())).isTrue();
        return waiting;
    }

    private static String key(Enrolment enrolment, String stepId, int visit) {
        return enrolment.tenant().value() + ":" + enrolment.enrolmentId() + ":" + stepId + ":" + visit;
    }

    private static void sent(String key, TenantId tenant, SendChannel channel, String contactId, Instant at) {
        assertThat(ledger.recordIntent(key, tenant, channel, contactId, at)).isTrue();
        ledger.markSent(key, "provider-" + key.hashCode(), 1);
    }

    @Test
    void aMessageOfTheWindowComesWithItsJourneyChannelTimeAndTheAmountsItsPageAsked() {
        Instant threeDaysBefore = PAID.minus(Duration.ofDays(3));
        Enrolment kari = enrol(DEMO, "julegave", "c-kari", "ask", 1, threeDaysBefore.minusSeconds(60));
        sent(key(kari, "ask", 1), DEMO, SendChannel.SMS, "c-kari", threeDaysBefore);

        assertThat(evidence.sendsTo(DEMO, List.of("c-kari"), FROM, PAID)).containsExactly(
                new RecentSend("julegave", "c-kari", SendChannel.SMS, threeDaysBefore, List.of(20_000L, 50_000L, 100_000L)));
    }

    @Test
    void everyVisitOfAStepIsAMessageAndOnlyThoseInTheWindowThatWentOutCount() {
        Enrolment ola = enrol(DEMO, "julegave", "c-ola", "ask", 4, PAID.minus(Duration.ofDays(50)));
        sent(key(ola, "ask", 1), DEMO, SendChannel.SMS, "c-ola", PAID.minus(Duration.ofDays(45)));
        sent(key(ola, "ask", 2), DEMO, SendChannel.SMS, "c-ola", PAID.minus(Duration.ofDays(10)));
        assertThat(ledger.recordIntent(key(ola, "ask", 3), DEMO, SendChannel.SMS, "c-ola", PAID.minus(Duration.ofDays(5))))
                .isTrue();
        ledger.markFailed(key(ola, "ask", 3), "invalid number");
        // Sent after the payment: not evidence for it.
        sent(key(ola, "ask", 4), DEMO, SendChannel.SMS, "c-ola", PAID.plusSeconds(60));

        assertThat(evidence.sendsTo(DEMO, List.of("c-ola"), FROM, PAID)).extracting(RecentSend::sentAt)
                .containsExactly(PAID.minus(Duration.ofDays(10)));
    }

    @Test
    void aFallbackIsTheMessageOnTheChannelItWentOutOn() {
        Enrolment per = enrol(DEMO, "vinter", "c-per", "ask", 1, PAID.minus(Duration.ofDays(2)));
        ledger.markNotSendable(key(per, "ask", 1), "no mobile number; sent by email instead");
        sent(key(per, "ask", 1) + ":email", DEMO, SendChannel.EMAIL, "c-per", PAID.minus(Duration.ofDays(2)));

        assertThat(evidence.sendsTo(DEMO, List.of("c-per"), FROM, PAID)).extracting(RecentSend::journeyId,
                RecentSend::channel).containsExactly(org.assertj.core.groups.Tuple.tuple("vinter", SendChannel.EMAIL));
    }

    @Test
    void severalContactsAreReadTogetherAndAnUnknownContactHasNothing() {
        Enrolment anne = enrol(DEMO, "julegave", "c-anne", "ask", 1, PAID.minus(Duration.ofDays(8)));
        sent(key(anne, "ask", 1), DEMO, SendChannel.SMS, "c-anne", PAID.minus(Duration.ofDays(7)));
        Enrolment bente = enrol(DEMO, "vinter", "c-bente", "ask", 1, PAID.minus(Duration.ofDays(8)));
        sent(key(bente, "ask", 1), DEMO, SendChannel.SMS, "c-bente", PAID.minus(Duration.ofDays(1)));

        assertThat(evidence.sendsTo(DEMO, List.of("c-anne", "c-bente", "c-nobody"), FROM, PAID))
                .extracting(RecentSend::contactId).containsExactlyInAnyOrder("c-anne", "c-bente");
        assertThat(evidence.sendsTo(OTHER, List.of("c-anne"), FROM, PAID)).isEmpty();
    }

    @Test
    void campaignsAreTheRunningJourneysWithAPaidGoalWithTheirNames() {
        assertThat(evidence.campaigns(DEMO)).containsExactlyInAnyOrder(
                new CampaignJourney("julegave", "Julegave 2026", List.of()),
                new CampaignJourney("vinter", "Vinterinnsamling", List.of()));
        assertThat(evidence.campaigns(OTHER)).extracting(CampaignJourney::journeyId).containsExactly("theirs");
    }

    @Test
    void anyJourneyOfTheTenantCanBeNamedButNotAnotherTenants() {
        assertThat(evidence.journey(DEMO, "gammel")).map(CampaignJourney::name).contains("Sommer 2025");
        assertThat(evidence.journey(DEMO, "utkast")).isPresent();
        assertThat(evidence.journey(DEMO, "theirs")).isEmpty();
        assertThat(evidence.journey(DEMO, "nowhere")).isEmpty();
    }
}
