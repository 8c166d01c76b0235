package no.dialog.core.enrolment;

import java.util.Objects;
import no.dialog.core.journey.ResultCounter;

/**
 * One result counter of a journey version: per step, variant and channel, or journey-wide when those are
 * null. {@code by} is how much a change adds to it: 1 for a count, an amount for a sum
 * ({@link ResultCounter#GOAL_REVENUE_ORE}). Keys that name the same counter are the same with {@link #counterKey()}.
 *
 * @param channel the channel's JSON name ({@code sms}) for counts about a message, else null
 */
public record ResultKey(String journeyId, int version, String stepId, String variant, String channel,
                        ResultCounter counter, long by) {

    public ResultKey {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(counter, "counter");
        if (by < 1) {
            throw new IllegalArgumentException("a counter only grows");
        }
    }

    /** A count of one, on no channel. */
    public ResultKey(String journeyId, int version, String stepId, String variant, ResultCounter counter) {
        this(journeyId, version, stepId, variant, null, counter, 1);
    }

    /** An amount, on no channel. */
    public ResultKey(String journeyId, int version, String stepId, String variant, ResultCounter counter, long by) {
        this(journeyId, version, stepId, variant, null, counter, by);
    }

    /** The counter this key adds to, without the amount: the key to sum under. */
    public ResultKey counterKey() {
        return by == 1 ? this : new ResultKey(journeyId, version, stepId, variant, channel, counter, 1);
    }
}
