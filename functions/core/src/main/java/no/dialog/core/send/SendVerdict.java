package no.dialog.core.send;

import java.time.Instant;
import java.util.Objects;

/**
 * What the {@link SendRules} say about one message to one person on one channel, now.
 */
public sealed interface SendVerdict {

    /** It may go now. */
    record Allowed() implements SendVerdict {}

    /**
     * The person lacks what the channel needs (no mobile number, no e-mail address, no postal address):
     * the step's fallback channel, if it has one, is tried instead.
     */
    record Unreachable(String reason) implements SendVerdict {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * It must not go: no consent, an opt-out, a reservation, "do not contact". Recorded, never retried.
     *
     * @param optedOut the person said no (an opt-out, "do not contact"), rather than the organisation lacking a
     *                 consent or the person being reserved: results count the two apart
     */
    record Refused(String reason, boolean optedOut) implements SendVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        /** A refusal for want of consent (not an opt-out). */
        public Refused(String reason) {
            this(reason, false);
        }
    }

    /** It may go, but not before {@code at} (quiet hours, the telemarketing window). */
    record NotBefore(Instant at, String reason) implements SendVerdict {
        public NotBefore {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static SendVerdict allowed() {
        return new Allowed();
    }
}
