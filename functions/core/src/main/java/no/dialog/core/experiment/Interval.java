package no.dialog.core.experiment;

/**
 * An estimate with an always-valid confidence interval around it (a confidence sequence at one look):
 * the interval holds the true value at every look at once, with the experiment's error rate.
 */
public record Interval(double estimate, double low, double high) {

    public Interval {
        if (!(low <= estimate && estimate <= high)) {
            throw new IllegalArgumentException("an interval needs low ≤ estimate ≤ high (" + low + ", " + estimate + ", " + high + ")");
        }
    }

    /** True when the whole interval lies above the value (its low end too). */
    public boolean above(double value) {
        return low > value;
    }

    /** True when the whole interval lies below the value (its high end too). */
    public boolean below(double value) {
        return high < value;
    }

    /** True when the whole interval lies inside [-margin, +margin]. */
    public boolean within(double margin) {
        return low >= -margin && high <= margin;
    }
}
