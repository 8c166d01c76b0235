package no.dialog.core.send;

import java.time.Instant;
import java.util.Objects;

/**
 * What one attempt of {@link OnceSender#send} did.
 *
 * @param outcome   what happened
 * @param notBefore for {@link SendOutcome#DEFERRED}: when the request may be tried again; else null
 */
public record SendResult(SendOutcome outcome, Instant notBefore) {

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == SendOutcome.DEFERRED) != (notBefore != null)) {
            throw new IllegalArgumentException("notBefore is set exactly for DEFERRED");
        }
    }

    public static SendResult of(SendOutcome outcome) {
        return new SendResult(outcome, null);
    }

    public static SendResult deferredUntil(Instant at) {
        return new SendResult(SendOutcome.DEFERRED, at);
    }
}
