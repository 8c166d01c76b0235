package no.dialog.core.run;

/**
 * <pre>
 *   OPEN ──quiet for a while──▶ CLOSING ──files written──▶ CLOSED
 * </pre>
 * A send that finds its run {@code CLOSING} or {@code CLOSED} starts the next run of the day. A closer that
 * crashed leaves the run {@code CLOSING}; the next tick writes it again (same keys, same content).
 */
public enum RunStatus { OPEN, CLOSING, CLOSED }
