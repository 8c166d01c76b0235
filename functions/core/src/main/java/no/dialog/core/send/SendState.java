package no.dialog.core.send;

/**
 * Where one message (one idempotency key) stands in the {@link SendLedger}.
 *
 * <pre>
 *   (none) ──recordIntent──▶ INTENDED ──provider accepted──▶ SENT
 *                               │  ├──provider rejected (4xx)──▶ FAILED
 *                               │  ├──provider unavailable, surely not accepted──▶ RETRYABLE ──reclaim──▶ INTENDED
 *                               │  └──(crash: no mark)──▶ stays INTENDED
 *                               └──found again by a later attempt──▶ UNCONFIRMED ──(delivery report)──▶ SENT
 *   (none) ──no contact / no mobile number──▶ NOT_SENDABLE
 * </pre>
 */
public enum SendState {
    /** An attempt took the key and is about to call (or called, and then crashed before bookkeeping). */
    INTENDED,
    /** The provider accepted the message. Final. */
    SENT,
    /** The provider was unavailable and surely accepted nothing: the next attempt may call again. */
    RETRYABLE,
    /** The provider refused the message for good (the reason says why). Final. */
    FAILED,
    /** There was nobody to send to (no contact, no mobile number). Final. */
    NOT_SENDABLE,
    /**
     * An earlier attempt may have reached the provider but did not record the outcome. Never resent;
     * the provider's delivery report (carrying the key as {@code refId}) settles it.
     */
    UNCONFIRMED;

    /** Whether an attempt that finds the entry in this state must leave the provider alone. */
    public boolean settled() {
        return this != RETRYABLE;
    }
}
