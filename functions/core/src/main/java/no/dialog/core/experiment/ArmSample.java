package no.dialog.core.experiment;

/**
 * One arm's mean and per-person variance on one metric, from its cumulative totals.
 *
 * <p>Rates (conversion, opt-out) are 0/1 per person. Their variance uses one pseudo-success and one
 * pseudo-failure, (x + 1) / (n + 2): with no conversion yet, a plain p(1 − p) would be 0 and make the
 * interval a point. The mean itself is the plain x / n.
 */
record ArmSample(long n, double mean, double variance) {

    static ArmSample rate(long n, long count) {
        if (n == 0) {
            return new ArmSample(0, 0, 0);
        }
        double smoothed = (count + 1.0) / (n + 2.0);
        return new ArmSample(n, (double) count / n, smoothed * (1 - smoothed));
    }

    /** Revenue per person in kroner: mean revenue / n, variance (Σx² − n·mean²) / (n − 1). */
    static ArmSample revenueKr(ArmTotals totals) {
        long n = totals.n();
        if (n == 0) {
            return new ArmSample(0, 0, 0);
        }
        double mean = totals.revenueOre() / 100.0 / n;
        double variance = n < 2 ? 0 : Math.max(0, (totals.revenueSqKr() - n * mean * mean) / (n - 1));
        return new ArmSample(n, mean, variance);
    }

    static ArmSample primary(ExperimentMetric metric, ArmTotals totals) {
        return switch (metric) {
            case GOAL_CONVERSION -> rate(totals.n(), totals.conversions());
            case REVENUE_PER_PERSON -> revenueKr(totals);
        };
    }
}
