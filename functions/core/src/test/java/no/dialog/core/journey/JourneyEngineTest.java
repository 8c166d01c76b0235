package no.dialog.core.journey;

import static no.dialog.core.journey.JourneyFixtures.JOURNEY_ID;
import static no.dialog.core.journey.JourneyFixtures.TENANT;
import static no.dialog.core.journey.JourneyFixtures.contact;
import static no.dialog.core.journey.JourneyFixtures.example;
import static no.dialog.core.journey.JourneyFixtures.parseOk;
import static no.dialog.core.journey.JourneyFixtures.version;
import static no.dialog.core.journey.JourneyFixtures.with;
import static no.dialog.core.journey.JourneyFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Contact KARI = contact("c-1");

    private final JourneyEngine engine = new JourneyEngine();

    private static Instant days(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    private static Signal answered(String id, Instant at, String journeyId, Map<String, String> attributes) {
        return new Signal(id, "answered", "c-1", at, attributes, journeyId, journeyId == null ? null : "e-1");
    }

    private static Signal stillStudentAnswer(String id, Instant at) {
        return answered(id, at, JOURNEY_ID, Map.of("question", "still-student", "value", "yes"));
    }

    private static Effect.SendRequested send(String key, String stepId, String template) {
        return new Effect.SendRequested(key, stepId, SendChannel.SMS, null, "A", template);
    }

    /** Enrols c-1 at T0 and runs the first advance. */
    private Enrolment started(JourneyVersion version) {
        Enrolment enrolled = engine.enrol(version, "e-1", "c-1", T0).next();
        return engine.advance(version, enrolled, KARI, T0).next();
    }

    @Nested
    class TheStudentExample {

        private final JourneyVersion student = version(parseOk(example()));

        @Test
        void enrolStartsActiveAtTheStartStepAndCountsEnrolled() {
            Advance enrol = engine.enrol(student, "e-1", "c-1", T0);

            Enrolment e = enrol.next();
            assertThat(enrol.changed()).isTrue();
            assertThat(e.state()).isEqualTo(EnrolmentState.ACTIVE);
            assertThat(e.stepId()).isEqualTo("ask");
            assertThat(e.dueAt()).isEqualTo(T0);
            assertThat(e.enrolledAt()).isEqualTo(T0);
            assertThat(e.goalDeadline()).isEqualTo(days(14));
            assertThat(e.goalReachedAt()).isNull();
            assertThat(e.revision()).isZero();
            assertThat(e.tenant()).isEqualTo(TENANT);
            assertThat(e.journeyId()).isEqualTo(JOURNEY_ID);
            assertThat(enrol.effects()).containsExactly(new Effect.Counted(ResultCounter.ENROLLED, null, null));
        }

        @Test
        void anAnswerReachesTheGoalAndExits() {
            Enrolment enrolled = engine.enrol(student, "e-1", "c-1", T0).next();

            Advance first = engine.advance(student, enrolled, KARI, T0);
            assertThat(first.effects()).containsExactly(send("demo:e-1:ask:1", "ask", "student-ask"));
            Enrolment waiting = first.next();
            assertThat(waiting.state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(waiting.stepId()).isEqualTo("wait-answer");
            assertThat(waiting.dueAt()).isEqualTo(days(7));
            assertThat(waiting.revision()).isEqualTo(1);
            assertThat(waiting.visits()).isEqualTo(Map.of("ask", 1, "wait-answer", 1));
            assertThat(waiting.choices()).containsEntry("ask", "A");

            Advance answer = engine.onSignal(student, waiting, KARI, stillStudentAnswer("s-1", days(2)), days(2));

            assertThat(answer.changed()).isTrue();
            assertThat(answer.effects()).containsExactly(
                    new Effect.Counted(ResultCounter.ANSWERED, "wait-answer", "A"),
                    new Effect.Counted(ResultCounter.GOAL_REACHED, "wait-answer", "A"),
                    new Effect.Counted(ResultCounter.EXITED, "wait-answer", null));
            assertThat(answer.next().state()).isEqualTo(EnrolmentState.DONE);
            assertThat(answer.next().exitReason()).isEqualTo("goal");
            assertThat(answer.next().goalReachedAt()).isEqualTo(days(2));
            assertThat(answer.next().dueAt()).isNull();
            assertThat(answer.next().revision()).isEqualTo(2);
        }

        @Test
        void answersAndPaymentsTiedToTheJourneyAreCountedOnceAndOthersNot() {
            Enrolment waiting = started(student);
            Signal otherAnswer = answered("s-9", days(1), JOURNEY_ID, Map.of("question", "comment", "value", "hi"));
            Signal paid = new Signal("p-1", "paid", "c-1", days(1), Map.of("amountOre", "25000"), JOURNEY_ID, null);
            Signal elsewhere = new Signal("p-2", "paid", "c-1", days(1), Map.of("amountOre", "10000"), "another", null);

            Advance answer = engine.onSignal(student, waiting, KARI, otherAnswer, days(1));
            Advance payment = engine.onSignal(student, answer.next(), KARI, paid, days(1));

            assertThat(answer.effects()).containsExactly(new Effect.Counted(ResultCounter.ANSWERED, "wait-answer", "A"));
            assertThat(payment.effects()).containsExactly(new Effect.Counted(ResultCounter.PAID, "wait-answer", "A"),
                    new Effect.Counted(ResultCounter.PAID_ORE, "wait-answer", "A", 25_000));
            assertThat(engine.onSignal(student, payment.next(), KARI, paid, days(1)).changed())
                    .as("the same payment again").isFalse();
            assertThat(engine.onSignal(student, payment.next(), KARI, elsewhere, days(1)).changed())
                    .as("another journey's payment").isFalse();
            assertThat(payment.next().stepId()).isEqualTo("wait-answer");
        }

        @Test
        void withoutAnAnswerTheTimeoutRemindsThenExitsAfterAnotherWeek() {
            Enrolment waiting = started(student);

            assertThat(engine.advance(student, waiting, KARI, days(7).minusSeconds(1)).changed()).isFalse();

            Advance timeout = engine.advance(student, waiting, KARI, days(7));
            assertThat(timeout.effects()).containsExactly(send("demo:e-1:remind:1", "remind", "student-remind"));
            assertThat(timeout.next().stepId()).isEqualTo("wait-again");
            assertThat(timeout.next().state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(timeout.next().dueAt()).isEqualTo(days(14));

            Advance end = engine.advance(student, timeout.next(), KARI, days(14));
            assertThat(end.effects()).containsExactly(new Effect.Counted(ResultCounter.EXITED, "done", null));
            assertThat(end.next().state()).isEqualTo(EnrolmentState.DONE);
            assertThat(end.next().exitReason()).isEqualTo("completed");
            assertThat(end.next().stepId()).isEqualTo("done");
            assertThat(end.next().revision()).isEqualTo(timeout.next().revision() + 1);
        }

        @Test
        void anAnswerToAnotherQuestionNeitherEndsTheWaitNorReachesTheGoal() {
            // A landing page answers several questions at once, in no order; the wait names its question.
            Enrolment waiting = started(student);
            Signal other = answered("s-2", days(1), JOURNEY_ID, Map.of("question", "contact-sms", "value", "yes"));

            Advance unmoved = engine.onSignal(student, waiting, KARI, other, days(1));

            // Counted as an answer to the journey, and nothing else changes.
            assertThat(unmoved.effects()).containsExactly(new Effect.Counted(ResultCounter.ANSWERED, "wait-answer", "A"));
            assertThat(unmoved.next().state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(unmoved.next().stepId()).isEqualTo("wait-answer");
            assertThat(unmoved.next().goalReachedAt()).isNull();
        }

        @Test
        void anAnswerToAnyQuestionEndsAWaitThatNamesNone() {
            JourneyVersion anyAnswer = version(parseOk(without(example(), "/steps/1/signal/where")));
            Enrolment waiting = started(anyAnswer);
            Signal other = answered("s-2", days(1), JOURNEY_ID, Map.of("question", "newsletter"));

            Advance moved = engine.onSignal(anyAnswer, waiting, KARI, other, days(1));

            assertThat(moved.next().state()).isEqualTo(EnrolmentState.DONE);
            assertThat(moved.next().exitReason()).isEqualTo("completed");
            assertThat(moved.next().goalReachedAt()).isNull();
            assertThat(moved.effects()).containsExactly(new Effect.Counted(ResultCounter.ANSWERED, "wait-answer", "A"),
                    new Effect.Counted(ResultCounter.EXITED, "done", null));
        }

        @Test
        void anAnswerAfterTheTimeoutDoesNotEndTheWait() {
            // The timeout passed at day 7; the advance that takes it has not run yet when the signal comes.
            JourneyVersion anyAnswer = version(parseOk(without(example(), "/steps/1/signal/where")));
            Enrolment waiting = started(anyAnswer);
            Signal late = answered("s-3", days(8), JOURNEY_ID, Map.of("question", "newsletter"));

            Advance applied = engine.onSignal(anyAnswer, waiting, KARI, late, days(8));

            assertThat(applied.next().stepId()).isEqualTo("wait-answer");
            assertThat(applied.next().received()).hasSize(1);
            assertThat(applied.effects()).containsExactly(new Effect.Counted(ResultCounter.ANSWERED, "wait-answer", "A"));
        }

        @Test
        void signalsForAnotherJourneyAreIgnoredWhenSameJourney() {
            Enrolment waiting = started(student);
            Signal elsewhere = answered("s-4", days(1), "j-other", Map.of("question", "still-student"));
            Signal outside = answered("s-5", days(1), null, Map.of("question", "still-student"));

            assertThat(engine.onSignal(student, waiting, KARI, elsewhere, days(1))).isEqualTo(Advance.unchanged(waiting));
            assertThat(engine.onSignal(student, waiting, KARI, outside, days(1))).isEqualTo(Advance.unchanged(waiting));
        }

        @Test
        void irrelevantSignalsLeaveTheEnrolmentUnchanged() {
            Enrolment waiting = started(student);
            List<Signal> irrelevant = List.of(
                    new Signal("s-6", "opened", "c-1", days(1), Map.of(), JOURNEY_ID, "e-1"),
                    new Signal("s-7", "GiftReceived", "c-1", days(1), Map.of("amountOre", "20000"), null, null),
                    // someone else's answer
                    new Signal("s-8", "answered", "c-2", days(1), Map.of("question", "still-student"), JOURNEY_ID, "e-9"),
                    // before the person entered
                    answered("s-9", T0.minusSeconds(60), JOURNEY_ID, Map.of("question", "still-student")));

            for (Signal signal : irrelevant) {
                Advance result = engine.onSignal(student, waiting, KARI, signal, days(1));
                assertThat(result.changed()).as(signal.signalId()).isFalse();
                assertThat(result.next()).isSameAs(waiting);
                assertThat(result.effects()).isEmpty();
            }
        }

        @Test
        void doneIsNeverAdvancedAgain() {
            Enrolment done = engine.onSignal(student, started(student), KARI, stillStudentAnswer("s-1", days(1)),
                    days(1)).next();

            assertThat(engine.advance(student, done, KARI, days(30)).changed()).isFalse();
            assertThat(engine.onSignal(student, done, KARI, stillStudentAnswer("s-10", days(2)), days(2)).changed())
                    .isFalse();
        }

        @Test
        void theSameInputsGiveTheSameResult() {
            Enrolment enrolled = engine.enrol(student, "e-1", "c-1", T0).next();

            Advance once = engine.advance(student, enrolled, KARI, T0);
            Advance again = engine.advance(student, enrolled, KARI, T0);

            // A redelivered message recomputes the advance: the send key must be the same so the sender
            // refuses the second send, and the revision the same so only one store write wins.
            assertThat(again).isEqualTo(once);
            assertThat(new JourneyEngine().advance(student, enrolled, KARI, T0)).isEqualTo(once);
            Signal answer = stillStudentAnswer("s-1", days(1));
            assertThat(engine.onSignal(student, once.next(), KARI, answer, days(1)))
                    .isEqualTo(engine.onSignal(student, once.next(), KARI, answer, days(1)));
        }

        @Test
        void aSignalAlreadyAppliedIsNotAppliedAgain() {
            Enrolment waiting = started(student);
            Signal other = answered("s-11", days(1), JOURNEY_ID, Map.of("question", "newsletter"));
            Enrolment applied = engine.onSignal(student, waiting, KARI, other, days(8)).next();

            assertThat(engine.onSignal(student, applied, KARI, other, days(8)).changed()).isFalse();
        }
    }

    @Nested
    class Loops {

        // Nag every day until the person pays; a loop through a wait.
        private final JourneyVersion nagging = version(parseOk("""
                {"name":"Purring","trigger":{"type":"campaign","segmentId":"unpaid","startAt":null},
                 "goal":{"signal":{"type":"paid","sameJourney":false},"window":"P30D","exitOnGoal":false},
                 "start":"nag",
                 "steps":[
                  {"id":"nag","type":"send","channel":"sms","templateId":"nag","next":"pause"},
                  {"id":"pause","type":"wait","duration":"P1D","next":"check"},
                  {"id":"check","type":"branch","cases":[{"goalReached":true,"next":"done"}],"otherwise":"nag"},
                  {"id":"done","type":"exit"}]}"""));

        @Test
        void aLoopThroughAWaitSendsAgainWithANewKey() {
            Enrolment first = started(nagging);

            Advance second = engine.advance(nagging, first, KARI, days(1));

            assertThat(second.effects()).containsExactly(send("demo:e-1:nag:2", "nag", "nag"));
            assertThat(second.next().visits()).containsEntry("nag", 2).containsEntry("pause", 2)
                    .containsEntry("check", 1);
        }

        @Test
        void aGoalSignalWithAnAmountBringsItsRevenue() {
            Enrolment first = started(nagging);
            Signal paid = new Signal("p-1", "paid", "c-1", T0.plusSeconds(3600), Map.of("amountOre", "25000"), null, null);

            Advance goal = engine.onSignal(nagging, first, KARI, paid, T0.plusSeconds(3600));

            assertThat(goal.effects()).containsExactly(new Effect.Counted(ResultCounter.PAID, "pause", "A"),
                    new Effect.Counted(ResultCounter.PAID_ORE, "pause", "A", 25_000),
                    new Effect.Counted(ResultCounter.GOAL_REACHED, "pause", "A"),
                    new Effect.Counted(ResultCounter.GOAL_REVENUE_ORE, "pause", "A", 25_000));
        }

        @Test
        void anAmountThatIsNotAWholeNumberOfOreIsNoRevenue() {
            Enrolment first = started(nagging);
            Signal paid = new Signal("p-1", "paid", "c-1", T0.plusSeconds(3600), Map.of("amountOre", "-5"), null, null);

            Advance goal = engine.onSignal(nagging, first, KARI, paid, T0.plusSeconds(3600));

            assertThat(goal.effects()).containsExactly(new Effect.Counted(ResultCounter.PAID, "pause", "A"),
                    new Effect.Counted(ResultCounter.GOAL_REACHED, "pause", "A"));
        }

        @Test
        void theGoalTurnsTheBranchAndIsCreditedToTheLastSend() {
            Enrolment first = started(nagging);
            Signal paid = new Signal("p-1", "paid", "c-1", T0.plusSeconds(3600), Map.of(), null, null);

            Advance goal = engine.onSignal(nagging, first, KARI, paid, T0.plusSeconds(3600));
            assertThat(goal.effects()).containsExactly(new Effect.Counted(ResultCounter.PAID, "pause", "A"),
                    new Effect.Counted(ResultCounter.GOAL_REACHED, "pause", "A"));
            assertThat(goal.next().state()).isEqualTo(EnrolmentState.WAITING);

            Advance end = engine.advance(nagging, goal.next(), KARI, days(1));
            assertThat(end.next().exitReason()).isEqualTo("completed");
            assertThat(end.effects()).containsExactly(new Effect.Counted(ResultCounter.EXITED, "done", null));
        }

        @Test
        void aGoalAfterItsWindowIsIgnored() {
            Enrolment waiting = started(nagging);
            Signal latePayment = new Signal("p-2", "paid", "c-1", days(31), Map.of(), null, null);

            assertThat(engine.onSignal(nagging, waiting, KARI, latePayment, days(31)).changed()).isFalse();
        }

        @Test
        void aGoalWithAFromCountsOnlySignalsAfterIt() {
            JourneyVersion stillActive = version(parseOk("""
                    {"name":"Fortsatt fast giver","trigger":{"type":"campaign","segmentId":"givers","startAt":null},
                     "goal":{"signal":{"type":"paid","where":{"source":"vipps-recurring"}},"from":"P60D","window":"P90D"},
                     "start":"thanks",
                     "steps":[
                      {"id":"thanks","type":"send","channel":"sms","templateId":"thanks","next":"pause"},
                      {"id":"pause","type":"wait","duration":"P100D","next":"done"},
                      {"id":"done","type":"exit"}]}"""));
            Enrolment waiting = started(stillActive);
            Map<String, String> charge = Map.of("source", "vipps-recurring");

            Advance early = engine.onSignal(stillActive, waiting, KARI,
                    new Signal("p-1", "paid", "c-1", days(30), charge, null, null), days(30));
            assertThat(early.effects()).doesNotContain(new Effect.Counted(ResultCounter.GOAL_REACHED, "pause", "A"));
            assertThat(early.next().goalReachedAt()).isNull();

            Advance third = engine.onSignal(stillActive, early.next(), KARI,
                    new Signal("p-2", "paid", "c-1", days(61), charge, null, null), days(61));
            assertThat(third.effects()).contains(new Effect.Counted(ResultCounter.GOAL_REACHED, "pause", "A"));
            assertThat(third.next().goalReachedAt()).isEqualTo(days(61));
        }

        @Test
        void theGoalIsReachedOnce() {
            Enrolment waiting = started(nagging);
            Enrolment reached = engine.onSignal(nagging, waiting, KARI,
                    new Signal("p-3", "paid", "c-1", days(0), Map.of(), null, null), days(0)).next();

            Advance second = engine.onSignal(nagging, reached, KARI,
                    new Signal("p-4", "paid", "c-1", days(0), Map.of(), null, null), days(0));

            assertThat(second.changed()).isFalse();
        }

        @Test
        void aRunawayLoopIsStoppedByTheGuard() {
            // Validation refuses this; the engine must still not spin if such a definition slips through.
            JourneyDefinition spinning = new JourneyDefinition("spin", new Trigger.Campaign("s", null), null, null,
                    "a", Map.of(
                            "a", new Step.Update("a", "tags", com.fasterxml.jackson.databind.node.TextNode.valueOf("x"), "b"),
                            "b", new Step.Branch("b", List.of(), "a")));

            Advance result = engine.advance(version(spinning),
                    engine.enrol(version(spinning), "e-1", "c-1", T0).next(), KARI, T0);

            assertThat(result.next().state()).isEqualTo(EnrolmentState.DONE);
            assertThat(result.next().exitReason()).isEqualTo("loop-guard");
            assertThat(result.effects()).hasSize(JourneyEngine.MAX_STEPS_PER_ADVANCE / 2 + 1);
            assertThat(result.effects().get(result.effects().size() - 1))
                    .isEqualTo(new Effect.Counted(ResultCounter.EXITED, "b", null));
        }

        @Test
        void anEdgeToAMissingStepExitsInsteadOfFailingForever() {
            JourneyDefinition broken = new JourneyDefinition("broken", new Trigger.Campaign("s", null), null, null,
                    "a", Map.of("a", new Step.Update("a", "tags", com.fasterxml.jackson.databind.node.TextNode.valueOf("x"), "gone")));

            Advance result = engine.advance(version(broken), engine.enrol(version(broken), "e-1", "c-1", T0).next(),
                    KARI, T0);

            assertThat(result.next().exitReason()).isEqualTo("missing-step");
            assertThat(result.next().stepId()).isEqualTo("a");
        }
    }

    @Nested
    class PredictedBranches {

        private final JourneyVersion risky = version(parseOk("""
                {"name":"Frafall","trigger":{"type":"campaign","segmentId":"s","startAt":null},
                 "start":"route",
                 "steps":[
                  {"id":"route","type":"branch","cases":[
                    {"when":{"field":"predicted.dropoutRiskDecile","op":"greaterThan","value":8},"next":"high"}],
                   "otherwise":"low"},
                  {"id":"high","type":"exit"},
                  {"id":"low","type":"exit"}]}"""));

        private final no.dialog.core.predicted.Prediction ninth = new no.dialog.core.predicted.Prediction(
                Map.of(no.dialog.core.predicted.ModelKind.DROPOUT_RISK,
                        new no.dialog.core.predicted.Prediction.Score(0.9, 9)), null, null);

        private String exitStep(Contact contact, no.dialog.core.predicted.Prediction prediction) {
            Enrolment enrolled = engine.enrol(risky, "e-1", "c-1", T0).next();
            return engine.advance(risky, enrolled, contact, T0, SendWindows.ALWAYS, prediction).next().stepId();
        }

        @Test
        void aBranchReadsThePersonsPredictionAndWhoeverObjectsTakesTheOtherPath() {
            assertThat(JourneyEngine.branchesUsePredictions(risky.definition())).isTrue();
            assertThat(exitStep(KARI, ninth)).isEqualTo("high");
            assertThat(exitStep(KARI, no.dialog.core.predicted.Prediction.NONE)).isEqualTo("low");
            Contact objecting = new Contact("c-1", Instant.EPOCH, null, null, null, null, null, null, null, null, null,
                    null, null, null, no.dialog.core.contact.Reservations.NONE.withProfilingObjection(true), null);
            assertThat(exitStep(objecting, ninth)).isEqualTo("low");
        }
    }

    @Nested
    class BranchesAndUpdates {

        private final JourneyVersion routed = version(parseOk("""
                {"name":"Ruting","trigger":{"type":"campaign","segmentId":"s","startAt":null},
                 "goal":{"signal":{"type":"paid","sameJourney":false},"window":"P30D","exitOnGoal":false},
                 "start":"listen",
                 "steps":[
                  {"id":"listen","type":"wait","duration":"P1D","next":"route"},
                  {"id":"route","type":"branch","cases":[
                    {"when":{"field":"attributes.stillStudent","op":"equals","value":false},"next":"graduate"},
                    {"received":{"type":"clicked","where":{"link":"donate"},"sameJourney":true},"next":"clicked"}],
                   "otherwise":"other"},
                  {"id":"graduate","type":"update","field":"attributes.memberType","value":"ordinary","next":"done"},
                  {"id":"clicked","type":"update","field":"tags","value":"clicked-donate","next":"done"},
                  {"id":"other","type":"exit"},
                  {"id":"done","type":"exit"}]}"""));

        private Signal clicked(String id, String link, String journeyId) {
            return new Signal(id, "clicked", "c-1", T0.plusSeconds(60), Map.of("link", link), journeyId, "e-1");
        }

        @Test
        void aContactConditionChoosesTheCaseAndTheUpdateIsRequested() {
            Contact graduated = contact("c-1", Map.of("stillStudent", false));

            Advance result = engine.advance(routed, started(routed), graduated, days(1));

            assertThat(result.effects()).containsExactly(
                    new Effect.ContactUpdateRequested("graduate", "attributes.memberType",
                            com.fasterxml.jackson.databind.node.TextNode.valueOf("ordinary")),
                    new Effect.Counted(ResultCounter.EXITED, "done", null));
        }

        @Test
        void aRememberedSignalChoosesTheCase() {
            Enrolment waiting = started(routed);
            Advance remembered = engine.onSignal(routed, waiting, KARI, clicked("k-1", "donate", JOURNEY_ID), T0);
            assertThat(remembered.changed()).isTrue();
            assertThat(remembered.effects()).isEmpty();
            assertThat(remembered.next().received()).extracting(Enrolment.ReceivedSignal::signalId).containsExactly("k-1");

            Advance result = engine.advance(routed, remembered.next(), KARI, days(1));

            assertThat(result.next().stepId()).isEqualTo("done");
            assertThat(result.effects()).first().isEqualTo(new Effect.ContactUpdateRequested("clicked", "tags",
                    com.fasterxml.jackson.databind.node.TextNode.valueOf("clicked-donate")));
        }

        @Test
        void signalsNoBranchLooksAtAreNotRemembered() {
            Enrolment waiting = started(routed);

            assertThat(engine.onSignal(routed, waiting, KARI, clicked("k-2", "unsubscribe", JOURNEY_ID), T0).changed())
                    .isFalse();
            assertThat(engine.onSignal(routed, waiting, KARI, clicked("k-3", "donate", "j-other"), T0).changed())
                    .isFalse();
        }

        @Test
        void withoutAContactNoContactConditionHolds() {
            Advance result = engine.advance(routed, started(routed), null, days(1));

            assertThat(result.next().stepId()).isEqualTo("other");
            assertThat(result.next().exitReason()).isEqualTo("completed");
        }

        @Test
        void rememberedSignalsAreBoundedToTheNewest() {
            Enrolment e = started(routed);
            for (int i = 0; i < JourneyEngine.MAX_REMEMBERED_SIGNALS + 5; i++) {
                e = engine.onSignal(routed, e, KARI, clicked("k-" + i, "donate", JOURNEY_ID), T0).next();
            }

            assertThat(e.received()).hasSize(JourneyEngine.MAX_REMEMBERED_SIGNALS);
            assertThat(e.received().get(0).signalId()).isEqualTo("k-5");
            assertThat(e.revision()).isEqualTo(1 + JourneyEngine.MAX_REMEMBERED_SIGNALS + 5);
        }

        @Test
        void updatesCarryTheirValue() {
            JourneyDefinition marking = parseOk(with(example(), "/steps/2",
                    "{\"id\":\"remind\",\"type\":\"update\",\"field\":\"attributes.stillStudent\",\"value\":false,"
                            + "\"next\":\"wait-again\"}"));
            JourneyVersion version = version(marking);

            Advance result = engine.advance(version, started(version), KARI, days(7));

            assertThat(result.effects()).containsExactly(new Effect.ContactUpdateRequested("remind",
                    "attributes.stillStudent", BooleanNode.FALSE));
        }
    }

    @Nested
    class StableChoices {

        private final JourneyVersion split = version(parseOk("""
                {"name":"Split","trigger":{"type":"campaign","segmentId":"s","startAt":null},
                 "goal":{"signal":{"type":"paid","sameJourney":false},"window":"P30D","exitOnGoal":false},
                 "start":"pick",
                 "steps":[
                  {"id":"pick","type":"split","paths":[{"name":"A","weight":70,"next":"a"},{"name":"B","weight":30,"next":"b"}]},
                  {"id":"a","type":"send","channel":"email","variants":[{"name":"A","templateId":"t-a","weight":50},{"name":"B","templateId":"t-b","weight":50}],"next":"end"},
                  {"id":"b","type":"send","channel":"sms","templateId":"t-sms","fallback":"email","next":"end"},
                  {"id":"end","type":"exit"}]}"""));

        private Advance run(String contactId, String enrolmentId) {
            Enrolment enrolled = engine.enrol(split, enrolmentId, contactId, T0).next();
            return engine.advance(split, enrolled, contact(contactId), T0);
        }

        @Test
        void splitWeightsAreRespectedOverTenThousandPeople() {
            int pathA = 0;
            int variantA = 0;
            for (int i = 0; i < 10_000; i++) {
                Enrolment done = run("M-" + i, "e-" + i).next();
                if (done.choices().get("pick").equals("A")) {
                    pathA++;
                    if (done.choices().get("a").equals("A")) {
                        variantA++;
                    }
                }
            }

            // Binomial standard deviation is about 46 for 70/30 of 10,000 and about 38 for 50/50 of 7,000.
            assertThat(pathA).isBetween(7_000 - 200, 7_000 + 200);
            assertThat(variantA).isBetween(pathA / 2 - 175, pathA / 2 + 175);
        }

        @Test
        void aPersonTakesTheSamePathAndVariantEveryTime() {
            for (int i = 0; i < 200; i++) {
                Advance first = run("M-" + i, "e-first-" + i);
                Advance again = run("M-" + i, "e-again-" + i);
                assertThat(again.next().choices()).isEqualTo(first.next().choices());
            }
        }

        @Test
        void theChosenVariantAndFallbackAreSent() {
            List<Effect.SendRequested> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                run("M-" + i, "e-" + i).effects().stream().filter(Effect.SendRequested.class::isInstance)
                        .map(Effect.SendRequested.class::cast).forEach(sends::add);
            }

            assertThat(sends).extracting(Effect.SendRequested::templateId).contains("t-a", "t-b", "t-sms");
            assertThat(sends).allSatisfy(s -> {
                if (s.stepId().equals("b")) {
                    assertThat(s.fallback()).isEqualTo(SendChannel.EMAIL);
                    assertThat(s.variant()).isEqualTo("A");
                } else {
                    assertThat(s.templateId()).isEqualTo(s.variant().equals("A") ? "t-a" : "t-b");
                }
            });
        }

        @Test
        void choicesDependOnThePersonNotTheEnrolment() {
            Map<String, Integer> paths = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                paths.merge(run("same-person", "e-" + i).next().choices().get("pick"), 1, Integer::sum);
            }

            assertThat(paths).hasSize(1);
        }
    }
}
