package no.dialog.core.audit;

/**
 * How a staff request ended, read from its HTTP status: done (2xx, 3xx), refused (4xx: no role, bad input, a stale
 * revision, not found: nothing changed) or failed (5xx: Dialog could not do it, and may have done part of it).
 */
public enum AuditOutcome {
    SUCCEEDED,
    REFUSED,
    FAILED;

    /** @throws IllegalArgumentException for a status that is not a final HTTP status (100-599) */
    public static AuditOutcome of(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not a final HTTP status: " + status);
        }
        if (status < 400) {
            return SUCCEEDED;
        }
        return status < 500 ? REFUSED : FAILED;
    }
}
