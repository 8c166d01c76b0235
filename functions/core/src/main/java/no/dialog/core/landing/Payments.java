package no.dialog.core.landing;

import no.dialog.core.tenant.Tenant;

/**
 * Port: starts a payment a person chose on a landing page (Vipps ePayment WEB_REDIRECT for a gift,
 * a Vipps Recurring agreement for a monthly amount). Implemented by the Vipps issue; until then
 * {@link #NOT_AVAILABLE}.
 */
public interface Payments {

    /** What the person asked for. {@code reference} is unique per submission, for the provider's idempotency. */
    record PaymentRequest(String contactId, boolean monthly, long amountOre, String reference, String returnUrl) {}

    /** Where to send the person (the provider's page), or that payments are not available. */
    record PaymentStart(String redirectUrl) {
        public boolean available() {
            return redirectUrl != null;
        }
    }

    PaymentStart start(Tenant tenant, PaymentRequest request);

    /** No payment provider configured: the wish is recorded and the page says giving is not available yet. */
    Payments NOT_AVAILABLE = (tenant, request) -> new PaymentStart(null);
}
