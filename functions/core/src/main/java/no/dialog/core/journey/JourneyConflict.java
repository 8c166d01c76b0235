package no.dialog.core.journey;

import java.util.Objects;

/**
 * A journey write that cannot be done as asked: the journey already exists, someone else changed it
 * since it was read, or the change is not allowed in its status. The reason names the rule and is safe
 * to show to staff (it holds ids and statuses only, no personal data).
 */
public class JourneyConflict extends RuntimeException {

    /** Which rule refused the write, so an API can choose its answer (e.g. 409 vs 412). */
    public enum Kind {
        /** Create found a journey with that id. */
        ALREADY_EXISTS,
        /** The expected revision is not the stored one: somebody else wrote first. */
        STALE_REVISION,
        /** The status does not allow the change (e.g. editing an ended journey, DRAFT → PAUSED). */
        NOT_ALLOWED
    }

    private final Kind kind;

    public JourneyConflict(Kind kind, String reason) {
        super(reason);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** The reason, as shown to staff. */
    public String reason() {
        return getMessage();
    }
}
