package no.dialog.core.experiment;

/**
 * The cumulative totals of one arm at one look: everything the analysis needs, so each look costs the same
 * however long the experiment has run.
 *
 * @param arm         the arm's name (a variant or split branch; {@code "holdout"} for people who get nothing)
 * @param n           people in the arm
 * @param conversions people who reached the goal (at most {@code n})
 * @param revenueOre  gifts and payments tied to the journey, in øre
 * @param revenueSqKr the sum over the arm's people of (their revenue in kroner)²; people with no revenue add 0.
 *                    With {@code n} and {@code revenueOre} it gives the spread of revenue per person. Each person's
 *                    square may be rounded to whole kr² (the engine's counter is whole numbers).
 * @param optedOut    people who opted out (at most {@code n})
 * @param costOre     what the arm's sends cost, in øre
 */
public record ArmTotals(String arm, long n, long conversions, long revenueOre, double revenueSqKr, long optedOut,
        long costOre) {

    /** Checks that the totals can belong to one arm's people; the message names the arm and the field, never a person. */
    public ArmTotals {
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("an arm needs a name");
        }
        if (n < 0) {
            throw new IllegalArgumentException("arm " + arm + ": n is negative (" + n + ")");
        }
        if (conversions < 0 || conversions > n) {
            throw new IllegalArgumentException("arm " + arm + ": conversions (" + conversions + ") must be between 0 and n (" + n + ")");
        }
        if (optedOut < 0 || optedOut > n) {
            throw new IllegalArgumentException("arm " + arm + ": optedOut (" + optedOut + ") must be between 0 and n (" + n + ")");
        }
        if (revenueOre < 0) {
            throw new IllegalArgumentException("arm " + arm + ": revenueOre is negative (" + revenueOre + ")");
        }
        if (costOre < 0) {
            throw new IllegalArgumentException("arm " + arm + ": costOre is negative (" + costOre + ")");
        }
        if (!Double.isFinite(revenueSqKr) || revenueSqKr < 0) {
            throw new IllegalArgumentException("arm " + arm + ": revenueSqKr must be a finite number ≥ 0 (" + revenueSqKr + ")");
        }
        if (n == 0 && (revenueOre > 0 || revenueSqKr > 0 || costOre > 0)) {
            throw new IllegalArgumentException("arm " + arm + ": revenue or cost without people (n is 0)");
        }
        if (n > 0) {
            // Cauchy–Schwarz: a sum of squares is at least (sum)² / n; less means the totals are not of one arm's people.
            // The engine's counter rounds each person's square to whole kr² (ADR 0031), so each may be 0.5 short.
            double revenueKr = revenueOre / 100.0;
            double least = revenueKr * revenueKr / n;
            if (revenueSqKr < least * (1 - 1e-9) - 0.5 * n - 1e-6) {
                throw new IllegalArgumentException("arm " + arm + ": revenueSqKr (" + revenueSqKr
                        + ") is less than (revenue in kroner)² / n (" + least + "): not the totals of one arm");
            }
        }
    }

    /** Totals of an arm with conversions only (no revenue, opt-outs or cost), e.g. for a goal-conversion experiment. */
    public static ArmTotals conversions(String arm, long n, long conversions) {
        return new ArmTotals(arm, n, conversions, 0, 0, 0, 0);
    }
}
