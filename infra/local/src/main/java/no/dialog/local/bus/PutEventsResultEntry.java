package no.dialog.local.bus;

/**
 * The result for one entry of a PutEvents call: either an {@code eventId}, or an
 * {@code errorCode} and {@code errorMessage} with the codes and texts EventBridge uses
 * ({@code InvalidArgument}, {@code MalformedDetail}, {@code NotAuthorizedForSourceException},
 * {@code ResourceNotFoundException}).
 */
public record PutEventsResultEntry(String eventId, String errorCode, String errorMessage) {

    static PutEventsResultEntry success(String eventId) {
        return new PutEventsResultEntry(eventId, null, null);
    }

    static PutEventsResultEntry failure(String errorCode, String errorMessage) {
        return new PutEventsResultEntry(null, errorCode, errorMessage);
    }

    public boolean isSuccess() {
        return eventId != null;
    }
}
