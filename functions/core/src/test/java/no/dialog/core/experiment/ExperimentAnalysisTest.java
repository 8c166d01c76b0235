package no.dialog.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {

    private static final ExperimentSpec CONVERSION = new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of());
    private static final ExperimentSpec REVENUE = new ExperimentSpec("A", ExperimentMetric.REVENUE_PER_PERSON, Set.of());

    @Test
    void identicalArmsKeepCollectingAndNameNoWinner() {
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", 5_000, 500), ArmTotals.conversions("B", 5_000, 500)));

        assertThat(report.decision()).isEqualTo(Decision.KEEP_COLLECTING);
        assertThat(report.winner()).isNull();
        assertThat(report.decisionText()).isEqualTo("keep collecting");
        ArmReport b = report.arms().get(1);
        assertThat(b.lift().absolute().estimate()).isZero();
        assertThat(b.lift().absolute().low()).isNegative();
        assertThat(b.lift().absolute().high()).isPositive();
        assertThat(report.arms().get(0).lift()).as("the control has no lift over itself").isNull();
    }

    @Test
    void identicalArmsWithManyPeopleShowNoDifferenceLikely() {
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", 100_000, 10_000), ArmTotals.conversions("B", 100_000, 10_000)));

        assertThat(report.decision()).isEqualTo(Decision.NO_DIFFERENCE_LIKELY);
        assertThat(report.decisionText()).isEqualTo("no difference likely");
        assertThat(report.arms().get(1).lift().relative().within(ExperimentAnalysis.EQUIVALENCE_MARGIN)).isTrue();
    }

    @Test
    void aClearLiftNamesTheTreatmentWithItsRatesAndLift() {
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", 10_000, 1_000), ArmTotals.conversions("B", 10_000, 1_500)));

        assertThat(report.decision()).isEqualTo(Decision.BETTER);
        assertThat(report.winner()).isEqualTo("B");
        assertThat(report.decisionText()).isEqualTo("B better");
        ArmReport b = report.arms().get(1);
        assertThat(b.rate()).isEqualTo(0.15);
        assertThat(b.lift().absolute().estimate()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.lift().absolute().low()).isPositive();
        assertThat(b.lift().relative().estimate()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.lift().relative().low()).isPositive().isLessThan(0.5);
        assertThat(b.lift().relative().high()).isGreaterThan(0.5);
    }

    @Test
    void theClassDocumentationsExampleSaysWhatItPromises() {
        var spec = new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of(Guardrail.OPT_OUT_RATE));
        ExperimentReport report = ExperimentAnalysis.analyse(spec, List.of(
                new ArmTotals("A", 12_000, 1_210, 0, 0, 30, 1_200_000),
                new ArmTotals("B", 12_000, 1_420, 0, 0, 28, 1_200_000),
                new ArmTotals("holdout", 1_300, 90, 0, 0, 0, 0)));

        assertThat(report.decisionText()).isEqualTo("B better");
    }

    @Test
    void theControlWinsWhenItBeatsEveryTreatment() {
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", 10_000, 1_500), ArmTotals.conversions("B", 10_000, 1_000)));

        assertThat(report.decisionText()).isEqualTo("A better");
    }

    @Test
    void noDecisionBeforeTheMinimumNumberOfPeoplePerArm() {
        long small = ExperimentAnalysis.MIN_PEOPLE_PER_ARM - 1;
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", small, 10), ArmTotals.conversions("B", small, 600)));

        assertThat(report.decision()).isEqualTo(Decision.KEEP_COLLECTING);
        assertThat(report.arms().get(1).lift().absolute().low()).as("the interval is shown all the same").isPositive();
    }

    @Test
    void aTreatmentMustBeatTheOtherTreatmentsToo() {
        ExperimentReport tied = ExperimentAnalysis.analyse(CONVERSION, List.of(
                ArmTotals.conversions("A", 10_000, 1_000),
                ArmTotals.conversions("B", 10_000, 1_500),
                ArmTotals.conversions("C", 10_000, 1_510)));
        ExperimentReport clear = ExperimentAnalysis.analyse(CONVERSION, List.of(
                ArmTotals.conversions("A", 10_000, 1_000),
                ArmTotals.conversions("B", 10_000, 1_500),
                ArmTotals.conversions("C", 10_000, 2_100)));

        assertThat(tied.decision()).isEqualTo(Decision.KEEP_COLLECTING);
        assertThat(clear.decisionText()).isEqualTo("C better");
    }

    @Test
    void moreArmsMeanWiderIntervalsForEachComparison() {
        var two = ExperimentAnalysis.analyse(CONVERSION,
                List.of(ArmTotals.conversions("A", 10_000, 1_000), ArmTotals.conversions("B", 10_000, 1_100)));
        var three = ExperimentAnalysis.analyse(CONVERSION, List.of(ArmTotals.conversions("A", 10_000, 1_000),
                ArmTotals.conversions("B", 10_000, 1_100), ArmTotals.conversions("C", 10_000, 1_000)));

        assertThat(width(three.arms().get(1).lift().absolute())).isGreaterThan(width(two.arms().get(1).lift().absolute()));
    }

    @Test
    void theHoldoutIsReportedButNeverWins() {
        ExperimentReport report = ExperimentAnalysis.analyse(CONVERSION, List.of(
                ArmTotals.conversions("A", 20_000, 2_000),
                ArmTotals.conversions("B", 20_000, 2_000),
                ArmTotals.conversions(ExperimentAnalysis.HOLDOUT, 20_000, 400)));

        assertThat(report.decision()).isNotEqualTo(Decision.BETTER);
        ArmReport holdout = report.arms().get(2);
        assertThat(holdout.lift().absolute().high()).as("the journey's true lift shows").isNegative();
    }

    @Test
    void revenueLiftIsInOrePerPerson() {
        // A: 1,000 of 10,000 gave 100 kr; B: 1,000 of 10,000 gave 300 kr.
        ExperimentReport report = ExperimentAnalysis.analyse(REVENUE, List.of(
                new ArmTotals("A", 10_000, 1_000, 1_000 * 100_00L, 1_000 * 100.0 * 100, 0, 0),
                new ArmTotals("B", 10_000, 1_000, 1_000 * 300_00L, 1_000 * 300.0 * 300, 0, 0)));

        ArmReport b = report.arms().get(1);
        assertThat(b.revenuePerPersonOre()).isEqualTo(3_000.0);
        assertThat(b.lift().absolute().estimate()).isCloseTo(2_000.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(b.lift().relative().estimate()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.decisionText()).isEqualTo("B better");
    }

    @Test
    void moreOptOutsInATreatmentStopTheExperiment() {
        var spec = new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of(Guardrail.OPT_OUT_RATE));
        var armsWithOptOuts = List.of(new ArmTotals("A", 10_000, 1_000, 0, 0, 20, 0),
                new ArmTotals("B", 10_000, 1_500, 0, 0, 120, 0));

        assertThat(ExperimentAnalysis.analyse(spec, armsWithOptOuts).decisionText()).isEqualTo("stopped: guardrail");
        assertThat(ExperimentAnalysis.analyse(CONVERSION, armsWithOptOuts).decisionText())
                .as("without the guardrail the same arms name B").isEqualTo("B better");
    }

    @Test
    void aTreatmentCostingMoreThanTheMarginStopsTheExperiment() {
        var spec = new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of(Guardrail.COST));
        var pricier = List.of(new ArmTotals("A", 10_000, 1_000, 0, 0, 0, 10_000 * 50L),
                new ArmTotals("B", 10_000, 1_000, 0, 0, 0, 10_000 * 56L));
        var withinMargin = List.of(new ArmTotals("A", 10_000, 1_000, 0, 0, 0, 10_000 * 50L),
                new ArmTotals("B", 10_000, 1_000, 0, 0, 0, 10_000 * 54L));

        assertThat(ExperimentAnalysis.analyse(spec, pricier).decision()).isEqualTo(Decision.STOPPED_GUARDRAIL);
        assertThat(ExperimentAnalysis.analyse(spec, withinMargin).decision()).isEqualTo(Decision.KEEP_COLLECTING);
    }

    /**
     * The promise itself, on a seeded simulation: 400 experiments with a true difference of 2 points, looked at
     * after each of 20 days; the share whose interval misses the truth on any day stays within alpha.
     */
    @Test
    void theConversionIntervalHoldsTheTrueDifferenceAtEveryLookAtTheStatedRate() {
        double missed = everMissed(ExperimentMetric.GOAL_CONVERSION, 0.02, 0.2, (random, arm) -> random.nextDouble() < (arm == 0 ? 0.10 : 0.12) ? 1 : 0);

        assertThat(missed).isLessThanOrEqualTo(CONVERSION.alpha());
    }

    /** The same for revenue per person: 3% give, gifts lognormal around 300 kr; B's gifts are 20% larger. */
    @Test
    void theRevenueIntervalHoldsTheTrueDifferenceAtEveryLookAtTheStatedRate() {
        double meanGift = 300 * Math.exp(0.5);
        double trueDifferenceOre = 0.03 * meanGift * 0.2 * 100;
        double missed = everMissed(ExperimentMetric.REVENUE_PER_PERSON, trueDifferenceOre, 0.2, (random, arm) -> {
            if (random.nextDouble() >= 0.03) {
                return 0;
            }
            double gift = 300 * Math.exp(gaussian(random));
            return Math.round(gift * (arm == 0 ? 1.0 : 1.2) * 100) / 100.0;
        });

        assertThat(missed).isLessThanOrEqualTo(REVENUE.alpha());
    }

    @Test
    void theHistoryNarrowsDayByDay() {
        List<List<ArmTotals>> byDay = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            byDay.add(List.of(ArmTotals.conversions("A", 500L * day, 50L * day), ArmTotals.conversions("B", 500L * day, 55L * day)));
        }

        List<IntervalPoint> history = ExperimentAnalysis.history(CONVERSION, byDay);

        assertThat(history).hasSize(30).allMatch(point -> point.arm().equals("B"));
        assertThat(history).extracting(IntervalPoint::day).startsWith(0, 1, 2).endsWith(29);
        for (int i = 1; i < history.size(); i++) {
            assertThat(width(history.get(i).interval())).isLessThan(width(history.get(i - 1).interval()));
        }
    }

    @Test
    void badTotalsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ArmTotals.conversions("B", 10, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm B").hasMessageContaining("conversions (11)");
        assertThatThrownBy(() -> ArmTotals.conversions("B", -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n is negative");
        assertThatThrownBy(() -> new ArmTotals("B", 10, 1, -5, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenueOre is negative");
        assertThatThrownBy(() -> new ArmTotals("B", 10, 1, 100_00, 1.0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenueSqKr");
        assertThat(new ArmTotals("B", 1, 1, 10_40, 108, 0, 0))
                .as("a square rounded to whole kr², as the engine counts it (10.40² = 108.16)").isNotNull();
        assertThatThrownBy(() -> new ArmTotals("B", 10, 1, 0, 0, 11, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optedOut");
        assertThatThrownBy(() -> new ArmTotals(" ", 10, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void aJourneyAgainstItsHoldoutAloneIsBetterOnlyOnceTheHoldoutIsSurelyBelowIt() {
        var early = ExperimentAnalysis.analyse(CONVERSION, List.of(ArmTotals.conversions("A", 900, 600),
                ArmTotals.conversions("holdout", 100, 50)));
        assertThat(early.decision()).isEqualTo(Decision.KEEP_COLLECTING);
        assertThat(early.arms()).filteredOn(a -> a.arm().equals("holdout")).singleElement()
                .satisfies(h -> assertThat(h.lift().absolute().estimate()).isCloseTo(0.5 - 0.6667, within(0.001)));

        var clear = ExperimentAnalysis.analyse(CONVERSION, List.of(ArmTotals.conversions("A", 20_000, 16_400),
                ArmTotals.conversions("holdout", 2_000, 1_200)));
        assertThat(clear.decision()).isEqualTo(Decision.BETTER);
        assertThat(clear.winner()).isEqualTo("A");

        var same = ExperimentAnalysis.analyse(CONVERSION, List.of(ArmTotals.conversions("A", 40_000, 32_000),
                ArmTotals.conversions("holdout", 40_000, 32_000)));
        assertThat(same.decision()).isEqualTo(Decision.NO_DIFFERENCE_LIKELY);
        assertThat(same.winner()).isNull();
    }

    @Test
    void badExperimentsAreRefusedWithTheReason() {
        var a = ArmTotals.conversions("A", 10, 1);
        assertThatThrownBy(() -> ExperimentAnalysis.analyse(CONVERSION, List.of(a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one arm besides the control");
        assertThatThrownBy(() -> ExperimentAnalysis.analyse(CONVERSION, List.of(ArmTotals.conversions("B", 10, 1), ArmTotals.conversions("C", 10, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control arm A is not among");
        assertThatThrownBy(() -> ExperimentAnalysis.analyse(CONVERSION, List.of(a, ArmTotals.conversions("A", 5, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arm A appears twice");
        assertThatThrownBy(() -> new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of(), 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Decision.BETTER.text(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesReadAndWriteAsInTheJson() {
        assertThat(ExperimentMetric.fromJson("revenue-per-person")).isEqualTo(ExperimentMetric.REVENUE_PER_PERSON);
        assertThat(ExperimentMetric.GOAL_CONVERSION.jsonName()).isEqualTo("goal-conversion");
        assertThat(Guardrail.fromJson("opt-out-rate")).isEqualTo(Guardrail.OPT_OUT_RATE);
        assertThat(Guardrail.COST.jsonName()).isEqualTo("cost");
        assertThatThrownBy(() -> ExperimentMetric.fromJson("clicks"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clicks").hasMessageContaining("goal-conversion");
        assertThatThrownBy(() -> Guardrail.fromJson("bounces"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opt-out-rate");
        assertThat(new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, null).alpha()).isEqualTo(0.05);
    }

    /** One person's outcome in arm 0 (control) or 1. */
    private interface Person {
        double outcome(SplittableRandom random, int arm);
    }

    /**
     * The share of 400 seeded experiments (500 people a day per arm, 20 daily looks) whose absolute interval ever
     * misses; the relative interval's share is checked against alpha on the way.
     */
    private static double everMissed(ExperimentMetric metric, double trueDifference, double trueRelative, Person person) {
        var spec = new ExperimentSpec("A", metric, Set.of());
        SplittableRandom random = new SplittableRandom(20261207L);
        int experiments = 400;
        int missed = 0;
        int relativeMissed = 0;
        for (int e = 0; e < experiments; e++) {
            long[] n = new long[2];
            long[] count = new long[2];
            long[] ore = new long[2];
            double[] squares = new double[2];
            boolean miss = false;
            boolean relativeMiss = false;
            for (int day = 0; day < 20; day++) {
                for (int arm = 0; arm < 2; arm++) {
                    for (int i = 0; i < 500; i++) {
                        double outcome = person.outcome(random, arm);
                        n[arm]++;
                        if (outcome > 0) {
                            count[arm]++;
                            ore[arm] += Math.round(outcome * 100);
                            squares[arm] += outcome * outcome;
                        }
                    }
                }
                ArmTotals a = metric == ExperimentMetric.GOAL_CONVERSION ? ArmTotals.conversions("A", n[0], count[0])
                        : new ArmTotals("A", n[0], count[0], ore[0], squares[0], 0, 0);
                ArmTotals b = metric == ExperimentMetric.GOAL_CONVERSION ? ArmTotals.conversions("B", n[1], count[1])
                        : new ArmTotals("B", n[1], count[1], ore[1], squares[1], 0, 0);
                Lift lift = ExperimentAnalysis.analyse(spec, List.of(a, b)).arms().get(1).lift();
                Interval interval = lift.absolute();
                miss |= interval.low() > trueDifference || interval.high() < trueDifference;
                if (lift.relative() != null) {
                    relativeMiss |= lift.relative().low() > trueRelative || lift.relative().high() < trueRelative;
                }
            }
            if (miss) {
                missed++;
            }
            if (relativeMiss) {
                relativeMissed++;
            }
        }
        assertThat((double) relativeMissed / experiments).as("the relative interval misses").isLessThanOrEqualTo(spec.alpha());
        return (double) missed / experiments;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian of its own in every JDK.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double width(Interval interval) {
        return interval.high() - interval.low();
    }
}
