package no.dialog.core.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an experiment's arms at one look and says what they show, in a way that stays right however often staff
 * look (docs/adr/0030-always-valid-experiments.md).
 *
 * <pre>{@code
 * var spec = new ExperimentSpec("A", ExperimentMetric.GOAL_CONVERSION, Set.of(Guardrail.OPT_OUT_RATE));
 * ExperimentReport report = ExperimentAnalysis.analyse(spec, List.of(
 *         new ArmTotals("A", 12_000, 1_210, 0, 0, 30, 1_200_000),
 *         new ArmTotals("B", 12_000, 1_420, 0, 0, 28, 1_200_000),
 *         new ArmTotals("holdout", 1_300, 90, 0, 0, 0, 0)));
 * report.decisionText(); // "B better"
 * }</pre>
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Arms: the control (named by the spec), the treatments, and an arm named {@value #HOLDOUT} (people who
 *       get nothing). The holdout is reported with its lift over the control (at the spec's alpha, its own
 *       question: does the journey work at all) but takes no part in the decision.</li>
 *   <li>Until every arm taking part has {@value #MIN_PEOPLE_PER_ARM} people: {@link Decision#KEEP_COLLECTING}.</li>
 *   <li>A treatment worse than the control on a guardrail: {@link Decision#STOPPED_GUARDRAIL}. Opt-out rate:
 *       the always-valid interval of (treatment − control) lies above 0, alpha shared (Bonferroni) by the
 *       treatments. Cost: the treatment's cost per person is more than {@link #COST_MARGIN} above the control's.</li>
 *   <li>An arm better than every other arm (the control included, or the control better than every
 *       treatment): {@link Decision#BETTER} with that arm as the winner. Every pair of arms has an always-valid
 *       interval at alpha / (number of pairs) (Bonferroni), so the chance of ever naming a wrong winner is at
 *       most alpha. The lift intervals reported against the control are these same intervals.</li>
 *   <li>Every treatment's relative lift interval inside ±{@link #EQUIVALENCE_MARGIN}:
 *       {@link Decision#NO_DIFFERENCE_LIKELY}.</li>
 *   <li>Otherwise {@link Decision#KEEP_COLLECTING}.</li>
 * </ol>
 * Each look is a constant amount of work per pair of arms, from the cumulative totals alone.
 */
public final class ExperimentAnalysis {

    /** The name of the arm of people who get nothing. */
    public static final String HOLDOUT = "holdout";
    /** No decision before every arm taking part has this many people: the intervals rest on the central limit theorem. */
    public static final long MIN_PEOPLE_PER_ARM = 1_000;
    /**
     * A relative difference smaller than this (10% of the control's value, either way) is not worth changing a
     * journey for: when every treatment's relative interval lies inside it, there is likely no difference that matters.
     */
    public static final double EQUIVALENCE_MARGIN = 0.10;
    /** A treatment may cost up to 10% more per person than the control before the cost guardrail stops it. */
    public static final double COST_MARGIN = 0.10;

    private ExperimentAnalysis() {}

    /** The experiment at one look: each arm with its lift over the control, the decision and the winner. */
    public static ExperimentReport analyse(ExperimentSpec spec, List<ArmTotals> arms) {
        Arms sorted = Arms.of(spec, arms);
        ArmTotals control = sorted.control();
        List<ArmTotals> treatments = sorted.treatments();
        int pairs = sorted.candidates().size() * (sorted.candidates().size() - 1) / 2;
        double pairAlpha = spec.alpha() / Math.max(1, pairs);

        List<ArmReport> reports = new ArrayList<>();
        List<Lift> treatmentLifts = new ArrayList<>();
        for (ArmTotals arm : arms) {
            Lift lift = null;
            if (arm == sorted.holdout()) {
                lift = lift(spec.metric(), arm, control, spec.alpha());
            } else if (arm != control) {
                lift = lift(spec.metric(), arm, control, pairAlpha);
                treatmentLifts.add(lift);
            }
            reports.add(report(arm, lift));
        }

        if (treatments.isEmpty()) {
            return againstDoingNothing(reports, control, sorted.holdout());
        }
        Decision decision;
        String winner = null;
        if (!sorted.candidates().stream().allMatch(arm -> arm.n() >= MIN_PEOPLE_PER_ARM)) {
            decision = Decision.KEEP_COLLECTING;
        } else if (guardrailTripped(spec, control, treatments)) {
            decision = Decision.STOPPED_GUARDRAIL;
        } else if ((winner = winner(spec.metric(), sorted.candidates(), pairAlpha)) != null) {
            decision = Decision.BETTER;
        } else if (treatmentLifts.stream().allMatch(ExperimentAnalysis::equivalent)) {
            decision = Decision.NO_DIFFERENCE_LIKELY;
        } else {
            decision = Decision.KEEP_COLLECTING;
        }
        return new ExperimentReport(reports, decision, winner);
    }

    /**
     * The decision of a journey measured only against its holdout: better (the control wins) once the holdout's
     * interval lies wholly below the control, no difference likely once it lies within the equivalence margin, and
     * never before both have {@link #MIN_PEOPLE_PER_ARM} people.
     */
    private static ExperimentReport againstDoingNothing(List<ArmReport> reports, ArmTotals control, ArmTotals holdout) {
        Lift lift = reports.stream().filter(r -> r.arm().equals(holdout.arm())).findFirst().map(ArmReport::lift)
                .orElse(null);
        if (control.n() < MIN_PEOPLE_PER_ARM || holdout.n() < MIN_PEOPLE_PER_ARM || lift == null) {
            return new ExperimentReport(reports, Decision.KEEP_COLLECTING, null);
        }
        if (lift.absolute().high() < 0) {
            return new ExperimentReport(reports, Decision.BETTER, control.arm());
        }
        return new ExperimentReport(reports, equivalent(lift) ? Decision.NO_DIFFERENCE_LIKELY : Decision.KEEP_COLLECTING,
                null);
    }

    /**
     * The lift interval of each non-control arm, day by day, for drawing it as it narrows: {@code byDay.get(d)} holds
     * the cumulative totals of every arm at the end of day {@code d}. Days on which an arm has no lift yet (fewer
     * than 2 people in it or in the control) have no point for it.
     */
    public static List<IntervalPoint> history(ExperimentSpec spec, List<List<ArmTotals>> byDay) {
        List<IntervalPoint> points = new ArrayList<>();
        for (int day = 0; day < byDay.size(); day++) {
            for (ArmReport arm : analyse(spec, byDay.get(day)).arms()) {
                if (arm.lift() != null) {
                    points.add(new IntervalPoint(day, arm.arm(), arm.lift().absolute(), arm.lift().relative()));
                }
            }
        }
        return points;
    }

    private static ArmReport report(ArmTotals arm, Lift lift) {
        double rate = arm.n() == 0 ? 0 : (double) arm.conversions() / arm.n();
        double revenuePerPerson = arm.n() == 0 ? 0 : (double) arm.revenueOre() / arm.n();
        return new ArmReport(arm.arm(), arm.n(), arm.conversions(), rate, revenuePerPerson, lift);
    }

    /**
     * The lift of {@code arm} over {@code control}. Absolute: the confidence sequence of the difference at
     * {@code alpha}. Relative: (arm − control) / control bounded by the difference's interval and the control's own
     * interval, each at {@code alpha / 2}, so both hold together with probability 1 − alpha (a union bound) and
     * the ratio lies between the extreme quotients. Null with fewer than 2 people on either side.
     */
    static Lift lift(ExperimentMetric metric, ArmTotals arm, ArmTotals control, double alpha) {
        if (arm.n() < 2 || control.n() < 2) {
            return null;
        }
        ArmSample b = ArmSample.primary(metric, arm);
        ArmSample a = ArmSample.primary(metric, control);
        double scale = metric == ExperimentMetric.REVENUE_PER_PERSON ? 100 : 1; // report revenue in øre
        double difference = b.mean() - a.mean();
        double half = ConfidenceSequence.differenceHalfWidth(a.variance(), a.n(), b.variance(), b.n(), alpha);
        Interval absolute = new Interval(difference * scale, (difference - half) * scale, (difference + half) * scale);
        return new Lift(absolute, relative(a, b, alpha));
    }

    private static Interval relative(ArmSample a, ArmSample b, double alpha) {
        double controlHalf = ConfidenceSequence.meanHalfWidth(a.variance(), a.n(), alpha / 2);
        double controlLow = a.mean() - controlHalf;
        if (!(controlLow > 0)) {
            return null;
        }
        double controlHigh = a.mean() + controlHalf;
        double difference = b.mean() - a.mean();
        double half = ConfidenceSequence.differenceHalfWidth(a.variance(), a.n(), b.variance(), b.n(), alpha / 2);
        double low = difference - half;
        double high = difference + half;
        // A negative bound is most negative over the smallest control, a positive one most positive over it too.
        double relativeLow = low / (low < 0 ? controlLow : controlHigh);
        double relativeHigh = high / (high > 0 ? controlLow : controlHigh);
        return new Interval(difference / a.mean(), relativeLow, relativeHigh);
    }

    private static boolean equivalent(Lift lift) {
        return lift != null && lift.relative() != null && lift.relative().within(EQUIVALENCE_MARGIN);
    }

    /** The arm whose interval against every other arm lies above 0, or null. */
    private static String winner(ExperimentMetric metric, List<ArmTotals> candidates, double pairAlpha) {
        for (ArmTotals arm : candidates) {
            boolean beatsAll = true;
            for (ArmTotals other : candidates) {
                if (other != arm && !differenceAbove(ArmSample.primary(metric, arm), ArmSample.primary(metric, other), pairAlpha)) {
                    beatsAll = false;
                    break;
                }
            }
            if (beatsAll) {
                return arm.arm();
            }
        }
        return null;
    }

    /** True when the always-valid interval of (b − a) lies above 0. */
    private static boolean differenceAbove(ArmSample b, ArmSample a, double alpha) {
        double half = ConfidenceSequence.differenceHalfWidth(a.variance(), a.n(), b.variance(), b.n(), alpha);
        return b.mean() - a.mean() - half > 0;
    }

    private static boolean guardrailTripped(ExperimentSpec spec, ArmTotals control, List<ArmTotals> treatments) {
        if (treatments.isEmpty()) {
            return false;
        }
        double optOutAlpha = spec.alpha() / treatments.size();
        for (ArmTotals treatment : treatments) {
            if (spec.guardrails().contains(Guardrail.OPT_OUT_RATE)
                    && differenceAbove(ArmSample.rate(treatment.n(), treatment.optedOut()),
                            ArmSample.rate(control.n(), control.optedOut()), optOutAlpha)) {
                return true;
            }
            if (spec.guardrails().contains(Guardrail.COST) && costs(treatment) > costs(control) * (1 + COST_MARGIN)) {
                return true;
            }
        }
        return false;
    }

    private static double costs(ArmTotals arm) {
        return (double) arm.costOre() / arm.n();
    }

    /** The arms by role: the control, the treatments, the holdout (if any); the candidates for winner are control + treatments. */
    private record Arms(ArmTotals control, List<ArmTotals> treatments, ArmTotals holdout, List<ArmTotals> candidates) {

        static Arms of(ExperimentSpec spec, List<ArmTotals> arms) {
            if (arms == null || arms.isEmpty()) {
                throw new IllegalArgumentException("an experiment needs arms");
            }
            Set<String> names = new HashSet<>();
            for (ArmTotals arm : arms) {
                if (arm == null) {
                    throw new IllegalArgumentException("an arm is missing (null)");
                }
                if (!names.add(arm.arm())) {
                    throw new IllegalArgumentException("arm " + arm.arm() + " appears twice");
                }
            }
            Map<String, ArmTotals> byName = arms.stream().collect(Collectors.toMap(ArmTotals::arm, Function.identity()));
            ArmTotals control = byName.get(spec.control());
            if (control == null) {
                throw new IllegalArgumentException("the control arm " + spec.control() + " is not among the arms " + names);
            }
            ArmTotals holdout = spec.control().equals(HOLDOUT) ? null : byName.get(HOLDOUT);
            List<ArmTotals> treatments = arms.stream().filter(arm -> arm != control && arm != holdout).toList();
            if (treatments.isEmpty() && holdout == null) {
                // With a holdout alone the control is measured against doing nothing (a retention journey).
                throw new IllegalArgumentException("an experiment needs at least one arm besides the control");
            }
            List<ArmTotals> candidates = new ArrayList<>();
            candidates.add(control);
            candidates.addAll(treatments);
            return new Arms(control, treatments, holdout, List.copyOf(candidates));
        }
    }
}
