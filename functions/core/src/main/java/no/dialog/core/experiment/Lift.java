package no.dialog.core.experiment;

/**
 * An arm's lift over the control on the primary metric.
 *
 * @param absolute the arm's value minus the control's: a difference of rates for goal conversion, øre per
 *                 person for revenue per person
 * @param relative the arm's value divided by the control's, minus 1 (0.1 is 10% better); null while the
 *                 control's value could still be 0 (its own interval reaches 0), since a ratio to 0 has no bound
 */
public record Lift(Interval absolute, Interval relative) {}
