package no.dialog.core.send;

/** What one attempt of {@link SmsSender#send} did with its request. */
public enum SendOutcome {
    /** The provider accepted the message now. */
    SENT,
    /** An earlier attempt settled the key (sent, failed, not sendable or unconfirmed): nothing was done. */
    ALREADY_SETTLED,
    /** The provider may have the message but nobody recorded it: left for the delivery report. */
    UNCONFIRMED,
    /** The provider refused the message for good; the reason is in the ledger. */
    FAILED,
    /** Nobody to send to (no contact, no mobile number); the reason is in the ledger. */
    NOT_SENDABLE
}
