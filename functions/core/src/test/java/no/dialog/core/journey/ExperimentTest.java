package no.dialog.core.journey;

import static no.dialog.core.journey.JourneyFixtures.ANY_TEMPLATE;
import static no.dialog.core.journey.JourneyFixtures.TENANT;
import static no.dialog.core.journey.JourneyFixtures.contact;
import static no.dialog.core.journey.JourneyFixtures.json;
import static no.dialog.core.journey.JourneyFixtures.parseOk;
import static no.dialog.core.journey.JourneyFixtures.with;
import static no.dialog.core.journey.JourneyFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiment block: how it is read and checked, and how the engine holds out, counts arms and follows a winner. */
class ExperimentTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final String JOURNEY = "j-gift";

    /** Two variants at "ask", a 20 % holdout, a gift within 30 days as the goal, and a loop back to "ask". */
    private static final String GIFT = """
            {"name": "Gi en gave",
             "trigger": {"type": "campaign", "segmentId": "donors", "startAt": null},
             "entry": {"reenterAfterExit": true, "maxEnrolments": null},
             "goal": {"signal": {"type": "paid"}, "window": "P30D", "exitOnGoal": true},
             "experiment": {"step": "ask", "metric": "revenue-per-person", "guardrails": ["opt-out-rate", "cost"],
                            "holdoutPercent": 20, "autoWinner": true},
             "start": "ask",
             "steps": [
               {"id": "ask", "type": "send", "channel": "sms",
                "variants": [{"name": "A", "templateId": "gift-a", "weight": 1},
                             {"name": "B", "templateId": "gift-b", "weight": 1}], "next": "wait"},
               {"id": "wait", "type": "wait", "duration": "P7D", "next": "ask"}
             ]}
            """;

    private final JourneyEngine engine = new JourneyEngine();

    private static ObjectNode gift() {
        return (ObjectNode) json(GIFT);
    }

    private static JourneyVersion version(JourneyDefinition definition) {
        return new JourneyVersion(TENANT, JOURNEY, 1, definition);
    }

    private static List<Problem> problems(JsonNode definition) {
        return JourneyDefinitions.parse(definition).problems();
    }

    private static Signal signal(String id, String type, String contactId, Instant at, Map<String, String> attributes) {
        return new Signal(id, type, contactId, at, attributes, null, null);
    }

    private static Effect.Counted counted(ResultCounter counter, String step, String variant) {
        return new Effect.Counted(counter, step, variant);
    }

    /** The first contact id c-0, c-1 ... for which the test holds. */
    private static String firstContact(java.util.function.Predicate<String> test) {
        for (int i = 0; i < 10_000; i++) {
            if (test.test("c-" + i)) {
                return "c-" + i;
            }
        }
        throw new AssertionError("no such contact among 10 000");
    }

    private static boolean heldOut(String contactId) {
        return JourneyEngine.inHoldout(contactId, JOURNEY, 20);
    }

    /** Enrols the contact at T0 and runs the first advance. */
    private Advance start(JourneyVersion version, String contactId) {
        Enrolment enrolled = engine.enrol(version, "e-" + contactId, contactId, T0).next();
        return engine.advance(version, enrolled, contact(contactId), T0);
    }

    private static List<Effect.SendRequested> sends(Advance advance) {
        return advance.effects().stream().filter(Effect.SendRequested.class::isInstance)
                .map(Effect.SendRequested.class::cast).toList();
    }

    private static List<Effect.Counted> counts(Advance advance, ResultCounter counter) {
        return advance.effects().stream().filter(Effect.Counted.class::isInstance).map(Effect.Counted.class::cast)
                .filter(c -> c.counter() == counter).toList();
    }

    @Nested
    class TheBlock {

        @Test
        void isReadAndWrittenBackInItsCanonicalForm() {
            JourneyDefinition definition = parseOk(gift());

            Experiment experiment = definition.experiment();
            assertThat(experiment).isEqualTo(new Experiment("ask", Experiment.Metric.REVENUE_PER_PERSON,
                    List.of(Experiment.Guardrail.OPT_OUT_RATE, Experiment.Guardrail.COST), 20, true));
            assertThat(experiment.arms(definition)).containsExactly("A", "B", "holdout");
            assertThat(experiment.control(definition)).isEqualTo("A");
            JsonNode written = JourneyDefinitions.toJson(definition);
            assertThat(written.get("experiment")).isEqualTo(gift().get("experiment"));
            assertThat(parseOk(written)).isEqualTo(definition);
        }

        @Test
        void leavesOutWhatIsOptionalAndDefaultsItToNoGuardrailNoHoldoutNoAutoWinner() {
            JourneyDefinition definition = parseOk(with(gift(), "/experiment",
                    "{\"step\": \"ask\", \"metric\": \"goal-conversion\"}"));

            assertThat(definition.experiment()).isEqualTo(
                    new Experiment("ask", Experiment.Metric.GOAL_CONVERSION, List.of(), 0, false));
            assertThat(definition.experiment().arms(definition)).containsExactly("A", "B");
            assertThat(JourneyDefinitions.toJson(definition).get("experiment")).isEqualTo(
                    json("{\"step\": \"ask\", \"metric\": \"goal-conversion\", \"holdoutPercent\": 0, \"autoWinner\": false}"));
        }

        @Test
        void aJourneyWithoutOneHasNone() {
            JourneyDefinition definition = parseOk(without(gift(), "/experiment"));

            assertThat(definition.experiment()).isNull();
            assertThat(JourneyDefinitions.toJson(definition).has("experiment")).isFalse();
        }

        @Test
        void aSplitWithTwoPathsIsAnExperimentToo() {
            ObjectNode split = with(gift(), "/steps/0", """
                    {"id": "ask", "type": "split", "paths": [{"name": "sms", "weight": 1, "next": "wait"},
                                                              {"name": "letter", "weight": 1, "next": "wait"}]}""");

            JourneyDefinition definition = parseOk(split);

            assertThat(definition.experiment().arms(definition)).containsExactly("sms", "letter", "holdout");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "/experiment/metric         | \"clicks\"              | experiment.metric          | must be goal-conversion or revenue-per-person",
                "/experiment/metric         | null                    | experiment.metric          | is required",
                "/experiment/step           | null                    | experiment.step            | is required",
                "/experiment/step           | \"nowhere\"             | experiment.step            | names no step",
                "/experiment/step           | \"wait\"                | experiment.step            | must name a send step with at least 2 variants, or a split step with at least 2 paths (one is enough with holdoutPercent above 0)",
                "/experiment/holdoutPercent | 51                      | experiment.holdoutPercent  | must be a whole number from 0 to 50",
                "/experiment/holdoutPercent | -1                      | experiment.holdoutPercent  | must be a whole number from 0 to 50",
                "/experiment/holdoutPercent | 10.5                    | experiment.holdoutPercent  | must be a whole number from 0 to 50",
                "/experiment/holdoutPercent | \"10\"                  | experiment.holdoutPercent  | must be a whole number from 0 to 50",
                "/experiment/guardrails     | \"cost\"                | experiment.guardrails      | must be an array of opt-out-rate and cost",
                "/experiment/guardrails     | [\"speed\"]             | experiment.guardrails[0]   | must be opt-out-rate or cost",
                "/experiment/guardrails     | [\"cost\", \"cost\"]    | experiment.guardrails[1]   | is listed twice",
                "/experiment/autoWinner     | \"yes\"                 | experiment.autoWinner      | must be true or false",
                "/experiment/arms           | 3                       | experiment.arms            | unknown property",
                "/experiment                | \"ask\"                 | experiment                 | must be an object",
                "/goal                      | null                    | experiment                 | needs the journey to have a goal: the experiment measures it",
                "/steps/0/variants/1/name   | \"holdout\"             | steps.ask.variants[1].name | must not be holdout: that name is the experiment's holdout arm",
        })
        void aBadBlockIsRefusedWithTheReason(String pointer, String value, String field, String reason) {
            assertThat(problems(with(gift(), pointer, value))).containsExactly(new Problem(field, reason));
        }

        @Test
        void aSendWithOneTemplateIsAnExperimentAgainstItsHoldout() {
            ObjectNode single = with(gift(), "/steps/0", """
                    {"id": "ask", "type": "send", "channel": "sms", "templateId": "gift-a", "next": "wait"}""");

            JourneyDefinition definition = parseOk(single);

            assertThat(definition.experiment().arms(definition)).containsExactly("A", "holdout");
            assertThat(definition.experiment().control(definition)).isEqualTo("A");
        }

        @Test
        void aSendWithOneTemplateAndNoHoldoutIsNoExperiment() {
            ObjectNode single = with(with(gift(), "/steps/0", """
                    {"id": "ask", "type": "send", "channel": "sms", "templateId": "gift-a", "next": "wait"}"""),
                    "/experiment/holdoutPercent", "0");

            assertThat(problems(single)).containsExactly(new Problem("experiment.step",
                    "must name a send step with at least 2 variants, or a split step with at least 2 paths (one is enough with holdoutPercent above 0)"));
        }

        @Test
        void aSplitPathCalledHoldoutIsRefused() {
            ObjectNode split = with(gift(), "/steps/0", """
                    {"id": "ask", "type": "split", "paths": [{"name": "sms", "weight": 1, "next": "wait"},
                                                              {"name": "holdout", "weight": 1, "next": "wait"}]}""");

            assertThat(problems(split)).containsExactly(new Problem("steps.ask.paths[1].name",
                    "must not be holdout: that name is the experiment's holdout arm"));
        }

        @Test
        void activationChecksADefinitionBuiltInCodeToo() {
            JourneyDefinition parsed = parseOk(gift());
            JourneyDefinition noGoal = new JourneyDefinition(parsed.name(), parsed.trigger(), parsed.entry(), null,
                    parsed.startStepId(), parsed.steps(), parsed.experiment());

            assertThat(JourneyValidation.forActivation(noGoal, ANY_TEMPLATE)).contains(
                    new Problem("experiment", "needs the journey to have a goal: the experiment measures it"));
            assertThat(JourneyValidation.forActivation(parsed, ANY_TEMPLATE)).isEmpty();
        }
    }

    @Nested
    class TheHoldout {

        private final JourneyVersion gift = version(parseOk(gift()));

        @Test
        void holdsOutAboutTheShareAskedForAndTheSamePeopleEveryTime() {
            int people = 20_000;
            int heldOut = 0;
            for (int i = 0; i < people; i++) {
                String contactId = "c-" + i;
                boolean first = JourneyEngine.inHoldout(contactId, JOURNEY, 20);
                assertThat(JourneyEngine.inHoldout(contactId, JOURNEY, 20)).isEqualTo(first);
                heldOut += first ? 1 : 0;
            }
            // Binomial(20 000, 0.2) has a standard deviation of about 57: 4 000 ± 300 is over five of them.
            assertThat(heldOut).isBetween(3_700, 4_300);
            assertThat(JourneyEngine.inHoldout("c-1", JOURNEY, 0)).isFalse();
        }

        @Test
        void theHoldoutDependsOnTheJourneySoOneJourneyDoesNotHoldOutTheSamePeopleAsAnother() {
            int both = 0;
            int inFirst = 0;
            for (int i = 0; i < 10_000; i++) {
                boolean first = JourneyEngine.inHoldout("c-" + i, JOURNEY, 50);
                inFirst += first ? 1 : 0;
                both += first && JourneyEngine.inHoldout("c-" + i, "another-journey", 50) ? 1 : 0;
            }
            // Independent picks: about a quarter held out of both, not the half that the same pick would give.
            assertThat(inFirst).isBetween(4_700, 5_300);
            assertThat(both).isBetween(2_200, 2_800);
        }

        @Test
        void aHeldOutPersonIsEnrolledAndParkedUntilTheGoalWindowEndsAndIsSentNothing() {
            String contactId = firstContact(ExperimentTest::heldOut);

            Advance enrol = engine.enrol(gift, "e-1", contactId, T0);

            Enrolment parked = enrol.next();
            assertThat(parked.state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(parked.stepId()).isEqualTo("ask");
            assertThat(parked.dueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(parked.goalDeadline()).isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(parked.choices()).isEqualTo(Map.of("ask", "holdout"));
            assertThat(enrol.effects()).containsExactly(counted(ResultCounter.ENROLLED, null, null),
                    counted(ResultCounter.ARM_ENTERED, "ask", "holdout"));

            assertThat(engine.advance(gift, parked, contact(contactId), T0).changed()).isFalse();
            assertThat(engine.advance(gift, parked, contact(contactId), T0.plus(Duration.ofDays(29))).changed()).isFalse();

            Advance end = engine.advance(gift, parked, contact(contactId), T0.plus(Duration.ofDays(30)));
            assertThat(end.next().state()).isEqualTo(EnrolmentState.DONE);
            assertThat(end.next().exitReason()).isEqualTo(JourneyEngine.EXIT_HOLDOUT_ENDED);
            assertThat(end.effects()).containsExactly(counted(ResultCounter.EXITED, "ask", "holdout"));
        }

        @Test
        void aHeldOutPersonIsHeldOutAgainOnReEntry() {
            String contactId = firstContact(ExperimentTest::heldOut);

            Enrolment second = engine.enrol(gift, "e-2", contactId, T0.plus(Duration.ofDays(40))).next();

            assertThat(second.choices()).containsEntry("ask", "holdout");
        }

        @Test
        void aHeldOutPersonWhoGivesInTimeReachesTheGoalInTheHoldoutArm() {
            String contactId = firstContact(ExperimentTest::heldOut);
            Enrolment parked = engine.enrol(gift, "e-1", contactId, T0).next();
            Signal gave = signal("s-1", "paid", contactId, T0.plus(Duration.ofDays(3)), Map.of("amountOre", "25050"));

            Advance goal = engine.onSignal(gift, parked, contact(contactId), gave, T0.plus(Duration.ofDays(3)));

            assertThat(sends(goal)).isEmpty();
            assertThat(goal.effects()).containsExactly(
                    counted(ResultCounter.PAID, "ask", "holdout"),
                    new Effect.Counted(ResultCounter.PAID_ORE, "ask", "holdout", 25_050),
                    counted(ResultCounter.GOAL_REACHED, "ask", "holdout"),
                    new Effect.Counted(ResultCounter.GOAL_REVENUE_ORE, "ask", "holdout", 25_050),
                    counted(ResultCounter.ARM_CONVERTED, "ask", "holdout"),
                    new Effect.Counted(ResultCounter.ARM_REVENUE_ORE, "ask", "holdout", 25_050),
                    // 250.50 kr squared is 62 750.25 kr²
                    new Effect.Counted(ResultCounter.ARM_REVENUE_SQ_KR, "ask", "holdout", 62_750),
                    counted(ResultCounter.EXITED, "ask", "holdout"));
            assertThat(goal.next().exitReason()).isEqualTo(JourneyEngine.EXIT_GOAL);
        }

        @Test
        void aHeldOutPersonWhoGivesAfterTheWindowIsNotCounted() {
            String contactId = firstContact(ExperimentTest::heldOut);
            Enrolment parked = engine.enrol(gift, "e-1", contactId, T0).next();
            Signal late = signal("s-1", "paid", contactId, T0.plus(Duration.ofDays(31)), Map.of("amountOre", "100"));

            assertThat(engine.onSignal(gift, parked, contact(contactId), late, T0.plus(Duration.ofDays(31))).changed())
                    .isFalse();
        }

        @Test
        void aHeldOutPersonWhoStaysAfterTheGoalLeavesWhenTheWindowEnds() {
            JourneyVersion stay = version(parseOk(with(gift(), "/goal/exitOnGoal", "false")));
            String contactId = firstContact(ExperimentTest::heldOut);
            Enrolment parked = engine.enrol(stay, "e-1", contactId, T0).next();
            Signal gave = signal("s-1", "paid", contactId, T0.plus(Duration.ofDays(3)), Map.of());

            Advance goal = engine.onSignal(stay, parked, contact(contactId), gave, T0.plus(Duration.ofDays(3)));

            assertThat(goal.effects()).containsExactly(counted(ResultCounter.PAID, "ask", "holdout"),
                    counted(ResultCounter.GOAL_REACHED, "ask", "holdout"),
                    counted(ResultCounter.ARM_CONVERTED, "ask", "holdout"));
            assertThat(goal.next().state()).isEqualTo(EnrolmentState.WAITING);
            Advance end = engine.advance(stay, goal.next(), contact(contactId), T0.plus(Duration.ofDays(30)));
            assertThat(sends(end)).isEmpty();
            assertThat(end.next().state()).isEqualTo(EnrolmentState.DONE);
        }

        @Test
        void noHoldoutWithoutAHoldoutPercent() {
            JourneyVersion none = version(parseOk(with(gift(), "/experiment/holdoutPercent", "0")));

            for (int i = 0; i < 200; i++) {
                Enrolment enrolled = engine.enrol(none, "e-" + i, "c-" + i, T0).next();
                assertThat(enrolled.state()).isEqualTo(EnrolmentState.ACTIVE);
                assertThat(enrolled.choices()).isEmpty();
            }
        }
    }

    @Nested
    class TheArms {

        private final JourneyVersion gift = version(parseOk(gift()));

        @Test
        void passingTheStepEntersTheArmOfTheVariantSent() {
            String contactId = firstContact(id -> !heldOut(id));

            Advance first = start(gift, contactId);

            String variant = sends(first).get(0).variant();
            assertThat(counts(first, ResultCounter.ARM_ENTERED)).containsExactly(
                    counted(ResultCounter.ARM_ENTERED, "ask", variant));
            assertThat(first.next().choices()).containsEntry("ask", variant);
        }

        @Test
        void aGoalLaterInTheJourneyCountsForTheArm() {
            String contactId = firstContact(id -> !heldOut(id));
            Advance first = start(gift, contactId);
            String variant = sends(first).get(0).variant();
            Signal gave = signal("s-1", "paid", contactId, T0.plus(Duration.ofDays(2)), Map.of("amountOre", "50"));

            Advance goal = engine.onSignal(gift, first.next(), contact(contactId), gave, T0.plus(Duration.ofDays(2)));

            assertThat(counts(goal, ResultCounter.ARM_CONVERTED)).containsExactly(
                    counted(ResultCounter.ARM_CONVERTED, "ask", variant));
            assertThat(counts(goal, ResultCounter.ARM_REVENUE_ORE)).containsExactly(
                    new Effect.Counted(ResultCounter.ARM_REVENUE_ORE, "ask", variant, 50));
            // 0.50 kr squared rounds to 0 kr², and a counter only grows: nothing is counted.
            assertThat(counts(goal, ResultCounter.ARM_REVENUE_SQ_KR)).isEmpty();
        }

        @Test
        void aGoalWithoutAnAmountCountsTheConversionOnly() {
            String contactId = firstContact(id -> !heldOut(id));
            Advance first = start(gift, contactId);
            Signal gave = signal("s-1", "paid", contactId, T0.plus(Duration.ofDays(2)), Map.of());

            Advance goal = engine.onSignal(gift, first.next(), contact(contactId), gave, T0.plus(Duration.ofDays(2)));

            assertThat(counts(goal, ResultCounter.ARM_CONVERTED)).hasSize(1);
            assertThat(counts(goal, ResultCounter.ARM_REVENUE_ORE)).isEmpty();
            assertThat(counts(goal, ResultCounter.ARM_REVENUE_SQ_KR)).isEmpty();
        }

        @Test
        void theArmIsEnteredOnceThoughThePersonLoopsBackThroughTheStep() {
            String contactId = firstContact(id -> !heldOut(id));
            Advance first = start(gift, contactId);

            Advance again = engine.advance(gift, first.next(), contact(contactId), T0.plus(Duration.ofDays(7)));

            assertThat(sends(again)).hasSize(1);
            assertThat(counts(again, ResultCounter.ARM_ENTERED)).isEmpty();
        }

        @Test
        void someoneWhoHasNotReachedTheStepHasNoArmAndCountsNothingForOne() {
            // The experiment step comes after a first wait here.
            ObjectNode later = gift();
            with(later, "/start", "\"first\"");
            ((com.fasterxml.jackson.databind.node.ArrayNode) later.get("steps")).add(
                    json("{\"id\": \"first\", \"type\": \"wait\", \"duration\": \"P1D\", \"next\": \"ask\"}"));
            JourneyVersion laterAsk = version(parseOk(with(later, "/experiment/holdoutPercent", "0")));
            Advance waiting = start(laterAsk, "c-1");
            Instant soon = T0.plus(Duration.ofHours(2));

            Advance optOut = engine.onSignal(laterAsk, waiting.next(), contact("c-1"),
                    signal("s-1", "unsubscribed", "c-1", soon, Map.of()), soon);
            Advance goal = engine.onSignal(laterAsk, waiting.next(), contact("c-1"),
                    signal("s-2", "paid", "c-1", soon, Map.of("amountOre", "10000")), soon);

            assertThat(optOut.changed()).isFalse();
            assertThat(goal.effects()).extracting(e -> ((Effect.Counted) e).counter()).containsExactly(
                    ResultCounter.PAID, ResultCounter.PAID_ORE, ResultCounter.GOAL_REACHED,
                    ResultCounter.GOAL_REVENUE_ORE, ResultCounter.EXITED);
        }

        @Test
        void anOptOutCountsAgainstTheArmOncePerEnrolment() {
            String contactId = firstContact(id -> !heldOut(id));
            Advance first = start(gift, contactId);
            String variant = sends(first).get(0).variant();
            Instant later = T0.plus(Duration.ofDays(1));

            Advance stop = engine.onSignal(gift, first.next(), contact(contactId),
                    signal("s-1", "unsubscribed", contactId, later, Map.of("channel", "sms")), later);
            Advance complaint = engine.onSignal(gift, stop.next(), contact(contactId),
                    signal("s-2", "complained", contactId, later, Map.of()), later);

            assertThat(stop.effects()).containsExactly(counted(ResultCounter.ARM_OPTED_OUT, "ask", variant));
            assertThat(stop.next().state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(complaint.changed()).isFalse();
        }

        @Test
        void aHeldOutPersonWhoOptsOutCountsForTheHoldout() {
            String contactId = firstContact(ExperimentTest::heldOut);
            Enrolment parked = engine.enrol(gift, "e-1", contactId, T0).next();
            Instant later = T0.plus(Duration.ofDays(1));

            Advance stop = engine.onSignal(gift, parked, contact(contactId),
                    signal("s-1", "complained", contactId, later, Map.of()), later);

            assertThat(stop.effects()).containsExactly(counted(ResultCounter.ARM_OPTED_OUT, "ask", "holdout"));
            assertThat(stop.next().state()).isEqualTo(EnrolmentState.WAITING);
            assertThat(stop.next().dueAt()).isEqualTo(parked.dueAt());
        }

        @Test
        void otherSignalsDoNotCountAsOptOuts() {
            String contactId = firstContact(id -> !heldOut(id));
            Advance first = start(gift, contactId);
            Instant later = T0.plus(Duration.ofDays(1));

            assertThat(engine.onSignal(gift, first.next(), contact(contactId),
                    signal("s-1", "bounced", contactId, later, Map.of()), later).changed()).isFalse();
        }

        @Test
        void aSplitExperimentCountsItsPaths() {
            ObjectNode split = with(gift(), "/steps/0", """
                    {"id": "ask", "type": "split", "paths": [{"name": "sms", "weight": 1, "next": "wait"},
                                                              {"name": "letter", "weight": 1, "next": "wait"}]}""");
            JourneyVersion splitVersion = version(parseOk(split));
            String contactId = firstContact(id -> !heldOut(id));

            Advance first = start(splitVersion, contactId);

            String path = first.next().choices().get("ask");
            assertThat(path).isIn("sms", "letter");
            assertThat(counts(first, ResultCounter.ARM_ENTERED)).containsExactly(
                    counted(ResultCounter.ARM_ENTERED, "ask", path));
        }

        @Test
        void aJourneyWithoutAnExperimentCountsNoArms() {
            JourneyVersion plain = version(parseOk(without(gift(), "/experiment")));
            Advance first = start(plain, "c-1");
            Signal gave = signal("s-1", "paid", "c-1", T0.plus(Duration.ofDays(1)), Map.of("amountOre", "10000"));

            Advance goal = engine.onSignal(plain, first.next(), contact("c-1"), gave, T0.plus(Duration.ofDays(1)));

            assertThat(first.effects()).noneMatch(e -> e instanceof Effect.Counted c && c.counter().name().startsWith("ARM_"));
            assertThat(goal.effects()).noneMatch(e -> e instanceof Effect.Counted c && c.counter().name().startsWith("ARM_"));
        }

        @Test
        void squaredRevenueIsInWholeKronerSquaredAndNeverWraps() {
            assertThat(JourneyEngine.squaredKroner(150)).isEqualTo(2);   // 2.25
            assertThat(JourneyEngine.squaredKroner(50_000)).isEqualTo(250_000);
            assertThat(JourneyEngine.squaredKroner(999_999_999_999_999L)).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    class TheWinner {

        private final JourneyVersion gift = version(parseOk(gift()));

        @Test
        void newPeopleReachingTheStepGetTheWinnerWhateverTheirOwnPickWouldHaveBeen() {
            Map<String, Integer> before = new LinkedHashMap<>();
            Map<String, Integer> after = new HashMap<>();
            JourneyVersion decided = gift.withWinner("B");
            for (int i = 0; i < 400; i++) {
                String contactId = "c-" + i;
                if (heldOut(contactId)) {
                    // The holdout goes on, so the lift over it is still measured.
                    assertThat(engine.enrol(decided, "e-" + i, contactId, T0).next().choices())
                            .containsEntry("ask", "holdout");
                    continue;
                }
                before.merge(sends(start(gift, contactId)).get(0).variant(), 1, Integer::sum);
                Advance winner = start(decided, contactId);
                after.merge(sends(winner).get(0).variant(), 1, Integer::sum);
                assertThat(sends(winner).get(0).templateId()).isEqualTo("gift-b");
                assertThat(counts(winner, ResultCounter.ARM_ENTERED)).containsExactly(
                        counted(ResultCounter.ARM_ENTERED, "ask", "B"));
            }
            assertThat(before.keySet()).containsExactlyInAnyOrder("A", "B");
            assertThat(after.keySet()).containsExactly("B");
        }

        @Test
        void peopleAlreadyPastTheStepKeepTheirsWhenTheyComeBackToIt() {
            String contactId = firstContact(id -> !heldOut(id)
                    && "A".equals(sends(start(version(parseOk(gift())), id)).get(0).variant()));
            Advance first = start(gift, contactId);

            Advance again = engine.advance(gift.withWinner("B"), first.next(), contact(contactId),
                    T0.plus(Duration.ofDays(7)));

            assertThat(sends(again)).extracting(Effect.SendRequested::variant).containsExactly("A");
        }

        @Test
        void aSplitFollowsItsWinnerToo() {
            ObjectNode split = with(gift(), "/steps/0", """
                    {"id": "ask", "type": "split", "paths": [{"name": "sms", "weight": 1, "next": "wait"},
                                                              {"name": "letter", "weight": 1, "next": "wait"}]}""");
            JourneyVersion decided = version(parseOk(split)).withWinner("letter");

            for (int i = 0; i < 100; i++) {
                if (!heldOut("c-" + i)) {
                    assertThat(start(decided, "c-" + i).next().choices()).containsEntry("ask", "letter");
                }
            }
        }
    }
}
