package no.dialog.core.messaging;

/**
 * A message that will never succeed however often it is retried: it goes to the dead-letter queue
 * at once, with this exception's message as the reason. The message must not contain personal data.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String reason) {
        super(reason);
    }
}
