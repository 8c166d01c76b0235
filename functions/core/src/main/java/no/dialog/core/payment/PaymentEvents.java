package no.dialog.core.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: write-back events of payments on Dialog's bus ({@code source: dialog.payments}) for the
 * organisation's register: {@code GiftReceived}, {@code PaymentReceived} (an invoice paid),
 * {@code RecurringDonorSignedUp}, {@code GiverCandidateFound}. Each detail carries an
 * {@code idempotencyKey} the receiver uses to ignore a repeat. Schemas: docs/payments.md.
 */
public interface PaymentEvents {

    record BusEvent(String detailType, ObjectNode detail) {}

    void publish(TenantId tenant, List<BusEvent> events);
}
