package no.dialog.core.enrolment;

import java.util.Objects;
import no.dialog.core.journey.ResultCounter;

/**
 * Where a message's results are counted: its journey version, step and variant. The send ledger keeps it
 * with the message so that a provider's report, which names only the message, counts under the same row as
 * the send did.
 */
public record ResultScope(String journeyId, int version, String stepId, String variant) {

    public ResultScope {
        Objects.requireNonNull(journeyId, "journeyId");
    }

    /** The scope of a send request, or null when it belongs to no journey (nothing is counted for it). */
    public static ResultScope of(SendRequest request) {
        return request.journeyId() == null ? null
                : new ResultScope(request.journeyId(), request.version(), request.stepId(), request.variant());
    }

    public ResultKey key(String channel, ResultCounter counter, long by) {
        return new ResultKey(journeyId, version, stepId, variant, channel, counter, by);
    }

    public ResultKey key(String channel, ResultCounter counter) {
        return key(channel, counter, 1);
    }
}
