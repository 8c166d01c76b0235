package no.dialog.core.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment Dialog could not tie to a person and step by itself (a giro without a KID, or with a KID Dialog
 * did not make): kept for staff, with the matcher's suggestions, until they confirm a journey or reject it.
 *
 * @param status {@code open}, {@code confirmed} (then {@code journeyId} is set) or {@code rejected}
 */
public record UnmatchedPayment(String paymentId, PaymentSource source, String reference, PaymentKind kind,
                               long amountOre, Instant receivedAt, Payer payer, String message, String status,
                               String journeyId) {

    public UnmatchedPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payer = payer == null ? Payer.UNKNOWN : payer;
        status = status == null ? "open" : status;
    }

    public static UnmatchedPayment open(IncomingPayment payment) {
        return new UnmatchedPayment(payment.paymentId(), payment.source(), payment.reference(), payment.kind(),
                payment.amountOre(), payment.receivedAt(), payment.payer(), payment.message(), "open", null);
    }
}
