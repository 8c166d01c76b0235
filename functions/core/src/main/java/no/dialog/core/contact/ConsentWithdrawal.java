package no.dialog.core.contact;

/** What {@link ContactStore#withdrawConsent} did. */
public enum ConsentWithdrawal {
    /** The channel's consent is now recorded as withdrawn. */
    WITHDRAWN,
    /** It was withdrawn already, at the same time or later: nothing changed. */
    ALREADY_WITHDRAWN,
    /** Dialog has no such contact (never replicated, or deleted). */
    NO_CONTACT
}
