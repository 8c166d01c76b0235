package no.dialog.core.experiment;

/**
 * One arm's lift interval on one day, for drawing the interval as it narrows.
 *
 * @param day      the index of the day in the history given (0 for the first)
 * @param arm      a non-control arm
 * @param interval the absolute lift over the control ({@link Lift#absolute()})
 * @param relative the relative lift ({@link Lift#relative()}); null while it has no bound
 */
public record IntervalPoint(int day, String arm, Interval interval, Interval relative) {}
