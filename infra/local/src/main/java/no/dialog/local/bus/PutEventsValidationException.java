package no.dialog.local.bus;

/**
 * The whole PutEvents call was refused, as EventBridge refuses it with a
 * {@code ValidationException} (HTTP 400): no entries, more than
 * {@value LocalEventBus#MAX_ENTRIES_PER_CALL} entries, or entries over the size limit.
 * Nothing was put on any bus.
 */
public final class PutEventsValidationException extends RuntimeException {

    public PutEventsValidationException(String message) {
        super(message);
    }

    /** The AWS error code, for the wire protocol. */
    public String errorCode() {
        return "ValidationException";
    }
}
