package no.dialog.core.journey;

/**
 * ACTIVE: to be advanced now ({@code dueAt} is when it became due). WAITING: parked at a wait step until
 * {@code dueAt} or a signal. DONE: exited; never advanced again.
 */
public enum EnrolmentState {
    ACTIVE, WAITING, DONE
}
