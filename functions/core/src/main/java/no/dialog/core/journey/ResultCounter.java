package no.dialog.core.journey;

/** What results count, per journey version, step and variant. */
public enum ResultCounter {
    ENROLLED, SENT, CAPPED, NOT_SENDABLE, GOAL_REACHED, EXITED
}
