package no.dialog.core.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the payment ledger: money registered against a person (or a giver candidate, see
 * {@link GiverCandidates}), with where it came from and, where known, the journey step that led to it.
 *
 * @param candidate true when {@code contactId} is a giver candidate Dialog made because the payer could
 *                  not be identified with certainty
 */
public record RegisteredPayment(String paymentId, PaymentKind kind, PaymentSource source, String contactId,
                                long amountOre, Instant receivedAt, String reference, Attribution attribution,
                                boolean candidate) {

    public RegisteredPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
