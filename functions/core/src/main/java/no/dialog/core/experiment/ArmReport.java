package no.dialog.core.experiment;

/**
 * One arm as the results show it.
 *
 * @param rate                goal conversions / n (0 for an empty arm)
 * @param revenuePerPersonOre revenue / n in øre (0 for an empty arm)
 * @param lift                the lift over the control on the primary metric; null for the control itself and
 *                            while the arm or the control has fewer than 2 people
 */
public record ArmReport(String arm, long n, long conversions, double rate, double revenuePerPersonOre, Lift lift) {}
