package no.dialog.core.payment;

import java.util.Objects;

/**
 * The journey step that led to a payment, where Dialog knows it: the landing page that started a Vipps
 * payment, the giro whose KID names the step, or a staff-confirmed match (journey only). Fields other
 * than {@code journeyId} may be null.
 */
public record Attribution(String journeyId, Integer version, String stepId, String variant, String enrolmentId) {

    public Attribution {
        Objects.requireNonNull(journeyId, "journeyId");
    }

    /** A payment matched to a journey as a whole (a campaign), not to a step. */
    public static Attribution journey(String journeyId) {
        return new Attribution(journeyId, null, null, null, null);
    }
}
