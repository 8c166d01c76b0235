package no.dialog.core.journey;

/**
 * What results count, per journey version, step and variant. All are counts of happenings except
 * {@link #GOAL_REVENUE_ORE}, the sum of the amounts (in øre) of the signals that reached the goal: a gift
 * or a payment as the goal brings its revenue with it.
 */
public enum ResultCounter {
    ENROLLED, SENT, CAPPED, NOT_SENDABLE, GOAL_REACHED, EXITED, GOAL_REVENUE_ORE
}
