package no.dialog.core.send;

import no.dialog.core.compliance.ConsentRules;
import no.dialog.core.journey.ResultCounter;

/** Which failure class of the results a send the rules refused falls in. */
final class SendFailures {

    private SendFailures() {}

    /**
     * A refusal by the {@link SendRules}: the person opted out (or asked not to be contacted), else the
     * organisation lacks consent (no consent, a reservation against the channel).
     */
    static ResultCounter refusal(String reason) {
        return ConsentRules.isOptOut(reason) ? ResultCounter.FAILED_OPTED_OUT : ResultCounter.FAILED_NO_CONSENT;
    }
}
