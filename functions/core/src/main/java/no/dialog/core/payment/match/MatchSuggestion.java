package no.dialog.core.payment.match;

import java.util.List;
import java.util.Objects;

/**
 * A journey a payment probably belongs to.
 *
 * @param confidence the estimated probability (0..1) that this is the payment's journey; the
 *                   suggestions for one payment sum to less than 1, the rest being "none of them"
 * @param reasons    what pointed here, strongest first
 */
public record MatchSuggestion(String journeyId, double confidence, List<MatchReason> reasons) {

    public MatchSuggestion {
        Objects.requireNonNull(journeyId, "journeyId");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
