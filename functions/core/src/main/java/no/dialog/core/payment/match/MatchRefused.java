package no.dialog.core.payment.match;

import java.util.Objects;

/**
 * A confirm or reject that cannot be done as asked. The kind tells the admin API its answer; the message
 * holds ids and statuses only (no personal data) and is safe to show to staff.
 */
public class MatchRefused extends RuntimeException {

    /** Which rule refused it. */
    public enum Kind {
        /** No waiting payment with that id (404). */
        UNKNOWN_PAYMENT,
        /** The payment was decided otherwise already: rejected, or confirmed for another journey (409). */
        ALREADY_DECIDED,
        /** The journey is not one of the tenant's (400). */
        UNKNOWN_JOURNEY,
        /** The contact staff named is not one of the tenant's (400). */
        UNKNOWN_CONTACT,
        /**
         * Dialog cannot tell who paid (no contact or several, and no phone number for a giver candidate):
         * staff must name the contact (400).
         */
        PAYER_NOT_IDENTIFIED
    }

    private final Kind kind;

    public MatchRefused(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
