package no.dialog.core.send;

/** What one attempt of {@link OnceSender#send} did with its request. */
public enum SendOutcome {
    /** The provider accepted the message now. */
    SENT,
    /** An earlier attempt settled the key (sent, failed, not sendable or unconfirmed): nothing was done. */
    ALREADY_SETTLED,
    /** The provider may have the message but nobody recorded it: left for the delivery report. */
    UNCONFIRMED,
    /** The provider refused the message for good; the reason is in the ledger. */
    FAILED,
    /** Nobody to send to (no contact, no address for the channel); the reason is in the ledger. */
    NOT_SENDABLE,
    /** The rules forbid it (no consent, an opt-out, a reservation); the reason is in the ledger. */
    REFUSED,
    /** The person cannot be reached on the channel; the request went to the step's fallback channel. */
    FELL_BACK,
    /** Not now (quiet hours, the telemarketing window): to be tried again at {@link SendResult#notBefore()}. */
    DEFERRED
}
