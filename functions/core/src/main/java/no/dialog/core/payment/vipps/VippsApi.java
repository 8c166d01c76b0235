package no.dialog.core.payment.vipps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Port: the Vipps MobilePay APIs Dialog uses (ePayment, Recurring v3, the Donations report), with the
 * access token handled inside. Amounts are in øre, currency NOK. Every creating call carries an
 * {@code Idempotency-Key}, so a retry after a timeout never creates a second payment, agreement or charge.
 *
 * <p>Failures: {@link VippsException} with {@code retryable} true for 5xx, 429 and timeouts (try again
 * later with the same idempotency key), false for a 4xx (Vipps refused the request).
 */
public interface VippsApi {

    /** A gift to start: {@code reference} is 8–64 of {@code [a-zA-Z0-9-]}, unique per merchant. */
    record PaymentOrder(String reference, long amountOre, String returnUrl, String description, String phone) {}

    /** Where to send the person to approve the payment in Vipps. */
    record CreatedPayment(String reference, String redirectUrl) {}

    /** ePayment states: CREATED, AUTHORIZED, ABORTED, EXPIRED, TERMINATED. */
    record PaymentState(String reference, String state, long authorizedOre, long capturedOre, String pspReference) {}

    CreatedPayment createPayment(VippsCredentials credentials, PaymentOrder order, String idempotencyKey);

    PaymentState payment(VippsCredentials credentials, String reference);

    void capture(VippsCredentials credentials, String reference, long amountOre, String idempotencyKey);

    /** A monthly agreement to start (a regular donor). */
    record AgreementOrder(long monthlyAmountOre, String productName, String merchantRedirectUrl,
                          String merchantAgreementUrl, String phone) {}

    /** The new agreement's id and where the person confirms it. */
    record CreatedAgreement(String agreementId, String confirmationUrl) {}

    /** Agreement statuses: PENDING, ACTIVE, STOPPED, EXPIRED. */
    record AgreementState(String agreementId, String status, long monthlyAmountOre) {}

    CreatedAgreement createAgreement(VippsCredentials credentials, AgreementOrder order, String idempotencyKey);

    AgreementState agreement(VippsCredentials credentials, String agreementId);

    /** Creates a charge due on {@code due} (at least one day ahead); returns the charge id. */
    String createCharge(VippsCredentials credentials, String agreementId, long amountOre, LocalDate due, int retryDays,
                        String description, String idempotencyKey);

    /** One gift in the Donations report (including gifts to the Vipps number in the app). */
    record Donation(String reference, String payerName, String payerPhone, long amountOre, Instant capturedAt,
                    String message) {}

    /**
     * A page of the Donations report, oldest first: gifts captured after {@code capturedAfter}
     * (exclusive), up to {@code limit} (at most 1,000). {@code more} is true when more gifts follow;
     * ask again with the last gift's {@code capturedAt}.
     */
    record DonationsPage(List<Donation> donations, boolean more) {}

    DonationsPage donations(VippsCredentials credentials, Instant capturedAfter, int limit);
}
