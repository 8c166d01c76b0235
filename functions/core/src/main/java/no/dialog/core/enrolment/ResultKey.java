package no.dialog.core.enrolment;

import java.util.Objects;
import no.dialog.core.journey.ResultCounter;

/** One result counter of a journey version: per step and variant, or journey-wide when those are null. */
public record ResultKey(String journeyId, int version, String stepId, String variant, ResultCounter counter) {

    public ResultKey {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(counter, "counter");
    }
}
