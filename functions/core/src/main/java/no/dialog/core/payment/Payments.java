package no.dialog.core.payment;

import no.dialog.core.tenant.Tenant;

/**
 * Port: starts a payment a person chose on a landing page (Vipps ePayment WEB_REDIRECT for a gift,
 * a Vipps Recurring agreement for a monthly amount), and tells the page how it ended when the provider
 * sends the person back. {@link #NOT_AVAILABLE} where a tenant has no payment provider.
 */
public interface Payments {

    /**
     * What the person asked for. {@code reference} is unique per submission (the provider's idempotency);
     * {@code returnUrl} is the absolute URL the provider sends the person back to; {@code attribution} is
     * the journey step of the link.
     */
    record PaymentRequest(String contactId, boolean monthly, long amountOre, String reference, String returnUrl,
                          Attribution attribution) {}

    /** Where to send the person (the provider's page), or that payments are not available. */
    record PaymentStart(String redirectUrl) {
        public boolean available() {
            return redirectUrl != null;
        }
    }

    /** How a payment the page started stands, for the page the person returns to. */
    enum PaymentResult {
        /** Paid (a gift authorised or captured), or a monthly agreement active. */
        COMPLETED,
        /** Still waiting for the person or the provider. */
        PENDING,
        /** Rejected, aborted, expired or failed. */
        NOT_COMPLETED,
        /** No payment with that reference for this person. */
        UNKNOWN
    }

    PaymentStart start(Tenant tenant, PaymentRequest request);

    /** The result of the payment with {@code reference} that the page started for {@code contactId}. */
    default PaymentResult result(Tenant tenant, String contactId, String reference) {
        return PaymentResult.UNKNOWN;
    }

    /** No payment provider configured: the wish is recorded and the page says giving is not available yet. */
    Payments NOT_AVAILABLE = (tenant, request) -> new PaymentStart(null);
}
