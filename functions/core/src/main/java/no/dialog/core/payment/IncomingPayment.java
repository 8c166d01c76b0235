package no.dialog.core.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * Money that arrived, as a source reports it, before Dialog registers it.
 *
 * @param reference   the source's own unique id of the payment (Vipps pspReference or reference, the
 *                    donation id, an OCR file's transmission and line); with the source it makes the
 *                    payment's id, so the same payment reported twice is registered once
 * @param contactId   the person, when the source already says (a landing page's payment, a KID); null
 *                    when the payer must be identified (a gift in the app)
 * @param attribution the journey step that led to it, or null
 * @param message     the payer's message, or null (personal data: never logged)
 */
public record IncomingPayment(PaymentSource source, String reference, PaymentKind kind, long amountOre,
                              Instant receivedAt, String contactId, Payer payer, Attribution attribution,
                              String message) {

    public IncomingPayment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a payment needs its source's reference");
        }
        if (amountOre <= 0) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        payer = payer == null ? Payer.UNKNOWN : payer;
    }

    /** The id the payment has in the ledger: source and reference. */
    public String paymentId() {
        return PaymentIds.of(source, reference);
    }
}
