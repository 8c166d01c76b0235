package no.dialog.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import no.dialog.core.experiment.ArmTotals;
import no.dialog.core.experiment.Decision;
import no.dialog.core.experiment.ExperimentAnalysis;
import no.dialog.core.experiment.ExperimentMetric;
import no.dialog.core.experiment.ExperimentReport;
import no.dialog.core.experiment.ExperimentSpec;
import no.dialog.core.experiment.Guardrail;

/**
 * Experiments that are safe to watch, on simulated data with a known truth (docs/adr/0030). Each simulated
 * experiment has two arms, A (control) and B; every day {@code peoplePerDay} new people enter each arm, and staff
 * look at the cumulative totals after every day. Printed per scenario:
 * <ul>
 *   <li>A/A (no real difference): the share of experiments that ever name a winner with Dialog's always-valid
 *       method ({@link ExperimentAnalysis}), against the fixed-horizon test at p &lt; 0.05 looked at daily
 *       (chi-squared for conversion, Welch's z for revenue) and the same test looked at once, on the last day;
 *       also the share that reach "no difference likely" and false opt-out guardrail stops.</li>
 *   <li>Power (a real lift in B): the share found within the horizon, wrong winners, the median day of the
 *       decision and the people per arm then, against the people per arm a fixed-horizon test of the same power
 *       needs (the ratio is the price of being allowed to look every day).</li>
 * </ul>
 * {@code infra/bench/run experiments [experiments=2000] [days=60] [people a day per arm=500]}. Every experiment
 * has its own seed from the run's seed, so the figures are the same on every run whatever the threads do.
 */
public final class ExperimentBenchmark {

    static final long SEED = 20_261_207L;
    static final double ALPHA = 0.05;
    /** Goal conversion in the control arm. */
    static final double CONVERSION = 0.10;
    /** The share of people who give, and their gifts: lognormal with this median (kroner) and log-spread. */
    static final double GIVING = 0.03;
    static final double GIFT_MEDIAN_KR = 300;
    static final double GIFT_SIGMA = 1.0;
    static final double HEAVY_GIFT_SIGMA = 1.5;
    /** Opt-outs, the same in both arms (the guardrail must not stop these experiments). */
    static final double OPT_OUT = 0.005;
    /** The two-sided 5% critical value of the normal distribution (chi-squared with 1 degree of freedom: 3.841). */
    private static final double Z_CRITICAL = 1.959963984540054;

    private ExperimentBenchmark() {}

    enum Kind { CONVERSION, REVENUE }

    /**
     * A simulated truth. For conversion, B converts at {@code CONVERSION × (1 + lift)}; for revenue, B's people give
     * {@code 1 + lift} times as often, with the same gifts.
     */
    record Scenario(String label, Kind kind, double lift, double giftSigma) {

        double rate(int arm) {
            double base = kind == Kind.CONVERSION ? CONVERSION : GIVING;
            return arm == 0 ? base : base * (1 + lift);
        }

        double giftMu() {
            return Math.log(GIFT_MEDIAN_KR);
        }

        /** The true mean per person of arm 0 or 1 (a rate, or kroner). */
        double mean(int arm) {
            return kind == Kind.CONVERSION ? rate(arm) : rate(arm) * Math.exp(giftMu() + giftSigma * giftSigma / 2);
        }

        /** The true variance per person of arm 0 or 1. */
        double variance(int arm) {
            if (kind == Kind.CONVERSION) {
                return rate(arm) * (1 - rate(arm));
            }
            double square = Math.exp(2 * giftMu() + 2 * giftSigma * giftSigma);
            return rate(arm) * square - mean(arm) * mean(arm);
        }

        ExperimentMetric metric() {
            return kind == Kind.CONVERSION ? ExperimentMetric.GOAL_CONVERSION : ExperimentMetric.REVENUE_PER_PERSON;
        }

        String fixedTest() {
            return kind == Kind.CONVERSION ? "chi-squared" : "Welch z";
        }
    }

    /**
     * What one scenario showed over its experiments (shares are of all experiments; days and people are medians
     * over the experiments that reached the decision; NaN where nothing reached it).
     *
     * @param dialogWinner   Dialog's method named a winner (either arm) on some day
     * @param foundB         Dialog's method named B the winner on some day (power, when B is truly better)
     * @param wrongWinner    Dialog's method named A the winner on some day while B is truly better (or equal)
     * @param fixedPeeked    the fixed-horizon test was "significant" on some day
     * @param fixedOnce      the fixed-horizon test was significant on the last day
     * @param noDifference   Dialog's method said "no difference likely" on some day
     * @param guardrailStops the opt-out guardrail stopped the experiment on some day (opt-outs are equal)
     * @param medianDayAll   the median day of the decision over all experiments, those never decided counted as
     *                       after the horizon (NaN when fewer than half decided)
     * @param averagePeople  people per arm until the decision or the horizon, averaged over all experiments: what
     *                       the sequential design spends on average for its power
     * @param fixedPeoplePerArm people per arm a fixed-horizon test needs for the power Dialog's method reached
     * @param day80          the day by which Dialog's method had found B in 80% of the experiments (NaN: never)
     * @param fixedPeople80  people per arm a fixed-horizon test needs for 80% power
     */
    record Figures(Scenario scenario, int experiments, double dialogWinner, double foundB, double wrongWinner,
            double medianDayFound, double medianDayAll, double fixedPeeked, double fixedOnce, double noDifference,
            double medianDayNoDifference, double guardrailStops, double medianPeopleFound, double averagePeople,
            double fixedPeoplePerArm, double day80, double fixedPeople80) {

        /** The median people per arm at Dialog's decision (of those found) over those a fixed test of the same power needs. */
        double medianRatio() {
            return medianPeopleFound / fixedPeoplePerArm;
        }

        /** The average people per arm Dialog's design spends over those a fixed test of the same power needs. */
        double averageRatio() {
            return averagePeople / fixedPeoplePerArm;
        }
    }

    /** The whole run. */
    record Result(int experiments, int days, int peoplePerDay, List<Figures> scenarios, double seconds) {}

    public static void main(String[] args) {
        int experiments = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int peoplePerDay = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Result result = run(experiments, days, peoplePerDay);
        boolean ok = result.scenarios().stream().filter(f -> f.scenario().lift() == 0).allMatch(f -> f.dialogWinner() <= ALPHA);
        if (!ok) {
            System.out.println("FAILED: an A/A share above " + ALPHA);
            System.exit(1);
        }
    }

    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("A/A goal conversion (10% in both arms)", Kind.CONVERSION, 0, 0),
                new Scenario("A/A revenue per person (3% give, lognormal gifts: median 300 kr, sigma 1.0)", Kind.REVENUE, 0, GIFT_SIGMA),
                new Scenario("A/A revenue per person, heavier tail (sigma 1.5)", Kind.REVENUE, 0, HEAVY_GIFT_SIGMA),
                new Scenario("B +10% goal conversion (10% → 11%)", Kind.CONVERSION, 0.10, 0),
                new Scenario("B +20% goal conversion (10% → 12%)", Kind.CONVERSION, 0.20, 0),
                new Scenario("B +20% revenue per person (3% → 3.6% give)", Kind.REVENUE, 0.20, GIFT_SIGMA));
    }

    static Result run(int experiments, int days, int peoplePerDay) {
        if (experiments < 1 || days < 1 || peoplePerDay < 1) {
            throw new IllegalArgumentException("experiments, days and people a day must be at least 1");
        }
        long start = System.nanoTime();
        System.out.printf(Locale.ENGLISH, "Experiments: %,d per scenario, %d daily looks, %,d people a day per arm, seed %d, alpha %.2f%n",
                experiments, days, peoplePerDay, SEED, ALPHA);
        List<Figures> figures = new ArrayList<>();
        List<Scenario> scenarios = scenarios();
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s);
            int index = s;
            Trace[] traces = IntStream.range(0, experiments).parallel()
                    .mapToObj(e -> simulate(scenario, new SplittableRandom(SEED * 1_000_003L + index * 10_000_019L + e), days, peoplePerDay))
                    .toArray(Trace[]::new);
            Figures f = summarise(scenario, traces, days, peoplePerDay);
            figures.add(f);
            print(f, days, peoplePerDay);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ENGLISH, "took %.1f s%n", seconds);
        return new Result(experiments, days, peoplePerDay, List.copyOf(figures), seconds);
    }

    /** The first day (1-based; 0: never) each thing happened in one experiment. */
    record Trace(int dayBetterB, int dayBetterA, int dayNoDifference, int dayGuardrail, int dayFixedSignificant,
            boolean fixedSignificantAtEnd) {}

    static Trace simulate(Scenario scenario, SplittableRandom random, int days, int peoplePerDay) {
        ExperimentSpec spec = new ExperimentSpec("A", scenario.metric(), Set.of(), ALPHA);
        ExperimentSpec guarded = new ExperimentSpec("A", scenario.metric(), Set.of(Guardrail.OPT_OUT_RATE), ALPHA);
        long[] n = new long[2];
        long[] count = new long[2];
        long[] ore = new long[2];
        double[] squares = new double[2];
        long[] optedOut = new long[2];
        int betterB = 0, betterA = 0, noDifference = 0, guardrail = 0, fixed = 0;
        boolean fixedAtEnd = false;
        for (int day = 1; day <= days; day++) {
            for (int arm = 0; arm < 2; arm++) {
                double rate = scenario.rate(arm);
                for (int i = 0; i < peoplePerDay; i++) {
                    if (random.nextDouble() < rate) {
                        count[arm]++;
                        if (scenario.kind() == Kind.REVENUE) {
                            long gift = Math.round(Math.exp(scenario.giftMu() + scenario.giftSigma() * gaussian(random)) * 100);
                            ore[arm] += gift;
                            double kr = gift / 100.0;
                            squares[arm] += kr * kr;
                        }
                    }
                    if (random.nextDouble() < OPT_OUT) {
                        optedOut[arm]++;
                    }
                }
                n[arm] += peoplePerDay;
            }
            List<ArmTotals> arms = List.of(new ArmTotals("A", n[0], count[0], ore[0], squares[0], optedOut[0], 0),
                    new ArmTotals("B", n[1], count[1], ore[1], squares[1], optedOut[1], 0));
            ExperimentReport report = ExperimentAnalysis.analyse(spec, arms);
            if (report.decision() == Decision.BETTER) {
                if ("B".equals(report.winner()) && betterB == 0) {
                    betterB = day;
                } else if ("A".equals(report.winner()) && betterA == 0) {
                    betterA = day;
                }
            } else if (report.decision() == Decision.NO_DIFFERENCE_LIKELY && noDifference == 0) {
                noDifference = day;
            }
            if (guardrail == 0 && ExperimentAnalysis.analyse(guarded, arms).decision() == Decision.STOPPED_GUARDRAIL) {
                guardrail = day;
            }
            boolean significant = Math.abs(fixedZ(scenario.kind(), n, count, ore, squares)) > Z_CRITICAL;
            if (significant && fixed == 0) {
                fixed = day;
            }
            fixedAtEnd = significant;
        }
        return new Trace(betterB, betterA, noDifference, guardrail, fixed, fixedAtEnd);
    }

    /**
     * The fixed-horizon test's statistic. Conversion: the pooled two-proportion z, whose square is Pearson's
     * chi-squared of the 2×2 table (no continuity correction), as A/B tools use it. Revenue: Welch's z.
     */
    static double fixedZ(Kind kind, long[] n, long[] count, long[] ore, double[] squares) {
        if (kind == Kind.CONVERSION) {
            double pooled = (double) (count[0] + count[1]) / (n[0] + n[1]);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n[0] + 1.0 / n[1]));
            return se == 0 ? 0 : ((double) count[1] / n[1] - (double) count[0] / n[0]) / se;
        }
        double[] mean = new double[2];
        double[] variance = new double[2];
        for (int arm = 0; arm < 2; arm++) {
            mean[arm] = ore[arm] / 100.0 / n[arm];
            variance[arm] = Math.max(0, (squares[arm] - n[arm] * mean[arm] * mean[arm]) / (n[arm] - 1));
        }
        double se = Math.sqrt(variance[0] / n[0] + variance[1] / n[1]);
        return se == 0 ? 0 : (mean[1] - mean[0]) / se;
    }

    static Figures summarise(Scenario scenario, Trace[] traces, int days, int peoplePerDay) {
        int total = traces.length;
        double dialogWinner = share(traces, t -> t.dayBetterA() > 0 || t.dayBetterB() > 0);
        double foundB = share(traces, t -> t.dayBetterB() > 0);
        double wrong = share(traces, t -> t.dayBetterA() > 0);
        double medianDay = median(Arrays.stream(traces).mapToInt(Trace::dayBetterB).filter(d -> d > 0).toArray());
        double medianAll = median(Arrays.stream(traces).mapToInt(t -> t.dayBetterB() > 0 ? t.dayBetterB() : days + 1).toArray());
        double averagePeople = Arrays.stream(traces).mapToInt(t -> t.dayBetterB() > 0 ? t.dayBetterB() : days)
                .average().orElse(Double.NaN) * peoplePerDay;
        double noDifference = share(traces, t -> t.dayNoDifference() > 0);
        double medianNoDifference = median(Arrays.stream(traces).mapToInt(Trace::dayNoDifference).filter(d -> d > 0).toArray());
        double fixedPeople = Double.NaN;
        double fixedPeople80 = Double.NaN;
        double day80 = Double.NaN;
        if (scenario.lift() > 0 && foundB > 0) {
            // The power the sequential method reached, as a fixed test would need it (all found: as if one had been missed).
            fixedPeople = fixedPeople(scenario, Math.min(foundB, 1 - 0.5 / total));
            fixedPeople80 = fixedPeople(scenario, 0.8);
            int[] found = Arrays.stream(traces).mapToInt(t -> t.dayBetterB() > 0 ? t.dayBetterB() : Integer.MAX_VALUE).sorted().toArray();
            int at80 = found[(int) Math.ceil(0.8 * total) - 1];
            day80 = at80 == Integer.MAX_VALUE ? Double.NaN : at80;
        }
        return new Figures(scenario, total, dialogWinner, foundB, wrong, medianDay, medianAll > days ? Double.NaN : medianAll,
                share(traces, t -> t.dayFixedSignificant() > 0), share(traces, Trace::fixedSignificantAtEnd),
                noDifference, medianNoDifference, share(traces, t -> t.dayGuardrail() > 0),
                medianDay * peoplePerDay, averagePeople, fixedPeople, day80, fixedPeople80);
    }

    /** People per arm a two-sided fixed-horizon test at 5% needs for the given power on the scenario's true difference. */
    static double fixedPeople(Scenario scenario, double power) {
        double z = Z_CRITICAL + inverseNormal(power);
        double difference = scenario.mean(1) - scenario.mean(0);
        return z * z * (scenario.variance(0) + scenario.variance(1)) / (difference * difference);
    }

    private static void print(Figures f, int days, int peoplePerDay) {
        Scenario s = f.scenario();
        System.out.println();
        System.out.println(s.label());
        if (s.lift() == 0) {
            System.out.printf(Locale.ENGLISH, "  Dialog (always-valid), ever named a winner      %5.1f%% (%,d of %,d)%n",
                    100 * f.dialogWinner(), Math.round(f.dialogWinner() * f.experiments()), f.experiments());
            System.out.printf(Locale.ENGLISH, "  %-12s p < 0.05, peeked daily, ever       %5.1f%%%n", s.fixedTest(), 100 * f.fixedPeeked());
            System.out.printf(Locale.ENGLISH, "  %-12s p < 0.05, once on day %-3d          %5.1f%%%n", s.fixedTest(), days, 100 * f.fixedOnce());
            System.out.printf(Locale.ENGLISH, "  Dialog: no difference likely                    %5.1f%% (median day %s)%n",
                    100 * f.noDifference(), day(f.medianDayNoDifference()));
            System.out.printf(Locale.ENGLISH, "  Dialog: false opt-out guardrail stops           %5.1f%%%n", 100 * f.guardrailStops());
            return;
        }
        System.out.printf(Locale.ENGLISH, "  Dialog: found within %d days                     %5.1f%% (wrong winner %.1f%%)%n",
                days, 100 * f.foundB(), 100 * f.wrongWinner());
        System.out.printf(Locale.ENGLISH, "  Dialog: median day of decision                  %s of those found, %s of all%n",
                day(f.medianDayFound()), Double.isNaN(f.medianDayAll()) ? "after day " + days : day(f.medianDayAll()));
        System.out.printf(Locale.ENGLISH, "  %-12s p < 0.05, once on day %-3d          %5.1f%% (its power at the full horizon)%n",
                s.fixedTest(), days, 100 * f.fixedOnce());
        if (f.foundB() > 0) {
            System.out.printf(Locale.ENGLISH, "  sample size: a fixed test of the same power (%.1f%%) needs %,.0f people per arm%n",
                    100 * Math.min(f.foundB(), 1 - 0.5 / f.experiments()), f.fixedPeoplePerArm());
            System.out.printf(Locale.ENGLISH, "    Dialog, median at decision (found)      %,9.0f people per arm → ratio %.2f%n",
                    f.medianPeopleFound(), f.medianRatio());
            System.out.printf(Locale.ENGLISH, "    Dialog, average until decision or day %-3d %,9.0f people per arm → ratio %.2f%n",
                    days, f.averagePeople(), f.averageRatio());
            if (Double.isNaN(f.day80())) {
                System.out.printf(Locale.ENGLISH, "  for 80%% power: a fixed test needs %,.0f people per arm; Dialog did not reach 80%% within %d days%n",
                        f.fixedPeople80(), days);
            } else {
                System.out.printf(Locale.ENGLISH, "  for 80%% power: a fixed test needs %,.0f people per arm; Dialog had found 80%% by day %.0f (%,.0f) → ratio %.2f%n",
                        f.fixedPeople80(), f.day80(), f.day80() * peoplePerDay, f.day80() * peoplePerDay / f.fixedPeople80());
            }
        } else {
            System.out.println("  sample size: nothing found, no comparison");
        }
    }

    private static String day(double median) {
        return Double.isNaN(median) ? "–" : String.format(Locale.ENGLISH, "%.0f", median);
    }

    private interface Test {
        boolean holds(Trace trace);
    }

    private static double share(Trace[] traces, Test test) {
        return (double) Arrays.stream(traces).filter(test::holds).count() / traces.length;
    }

    static double median(int[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1: " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
