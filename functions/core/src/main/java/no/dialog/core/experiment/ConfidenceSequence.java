package no.dialog.core.experiment;

/**
 * The always-valid interval behind every decision: the two-sided Gaussian-mixture boundary (Robbins 1970) with
 * the variance estimated from the data, which is the asymptotic confidence sequence of Waudby-Smith, Arbour,
 * Sinha, Kennedy and Ramdas (2024, section 2) and, for two proportions, the always-valid interval of the
 * mixture SPRT of Johari, Pekelis and Walsh (2022). See docs/adr/0030-always-valid-experiments.md.
 *
 * <p>For an estimate with variance {@code v} (its squared standard error) and a mixing variance {@code tau2} on the
 * same scale, the interval at level {@code alpha} is the estimate ± {@code sqrt(v (v + tau2) / tau2 · (2 ln(1/alpha)
 * + ln((v + tau2) / v)))}: the set of values the mixture likelihood ratio does not reject at {@code 1/alpha}.
 * For Gaussian data that ratio is a martingale under each value, and Ville's inequality bounds the chance that the
 * interval ever misses the truth, at any look, by {@code alpha}; for conversions and gifts the bound holds in the
 * large-sample sense of the asymptotic confidence sequence (finite variance, independent people).
 */
final class ConfidenceSequence {

    /**
     * The number of people per arm at which the interval is made narrowest (the mixture's spread is chosen for it by
     * Waudby-Smith et al.'s rule): 10,000 per arm is 20 days at 500 people a day, a typical journey
     * experiment. Intervals stay valid at every other size; they are only a little wider there.
     */
    static final double TUNED_FOR_PEOPLE_PER_ARM = 10_000;

    private ConfidenceSequence() {}

    /** The squared mixing scale ρ² per person for the error rate, tuned for {@link #TUNED_FOR_PEOPLE_PER_ARM}. */
    static double rhoSquared(double alpha) {
        double twoLog = 2 * Math.log(1 / alpha);
        return (twoLog + Math.log(twoLog + 1)) / TUNED_FOR_PEOPLE_PER_ARM;
    }

    /**
     * The half-width of the interval for a difference of two arms' means, {@code b − a}: the arms' per-person
     * variances and sizes. The mixing variance is ρ² times the variance of one person of each arm, so the
     * interval scales with the metric (rates, kroner) and with equal arms is exactly the one-sample boundary.
     */
    static double differenceHalfWidth(double varianceA, long nA, double varianceB, long nB, double alpha) {
        double v = varianceA / nA + varianceB / nB;
        double tau2 = rhoSquared(alpha) * (varianceA + varianceB);
        return halfWidth(v, tau2, alpha);
    }

    /** The half-width of the interval for one arm's mean. */
    static double meanHalfWidth(double variance, long n, double alpha) {
        return halfWidth(variance / n, rhoSquared(alpha) * variance, alpha);
    }

    private static double halfWidth(double v, double tau2, double alpha) {
        if (v <= 0 || tau2 <= 0) {
            // No spread in the data (nobody converted in either arm): nothing separates the arms yet.
            return 0;
        }
        return Math.sqrt(v * (v + tau2) / tau2 * (2 * Math.log(1 / alpha) + Math.log((v + tau2) / v)));
    }
}
