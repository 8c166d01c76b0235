package no.dialog.core.send;

import java.util.Objects;
import no.dialog.core.enrolment.SendRequest;

/**
 * What {@link OnceSender#sendAll} did with one request of a batch: the result {@link OnceSender#send} would
 * have returned, or the exception it would have thrown ({@link no.dialog.core.messaging.PermanentFailure}:
 * to the DLQ; {@link ProviderUnavailable} or anything else: deliver it again). Exactly one of the two is set.
 */
public record SendAttempt(SendRequest request, SendResult result, RuntimeException failure) {

    public SendAttempt {
        Objects.requireNonNull(request, "request");
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("a send attempt has a result or a failure, not both or neither");
        }
    }

    static SendAttempt done(SendRequest request, SendResult result) {
        return new SendAttempt(request, result, null);
    }

    static SendAttempt failed(SendRequest request, RuntimeException failure) {
        return new SendAttempt(request, null, failure);
    }

    public boolean failed() {
        return failure != null;
    }
}
