package no.dialog.core.payment.vipps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.payment.Attribution;
import no.dialog.core.tenant.TenantId;

/**
 * Port: what Dialog started in Vipps from landing pages, so that a webhook (which carries only Vipps'
 * ids) leads back to the person and the journey step, and the page the person returns to can say how it
 * went. Per tenant: one-off payments by their {@code reference}; regular-donor agreements by the same
 * reference and by Vipps' {@code agreementId}; the charges Dialog created on agreements, one per agreement
 * and due date.
 */
public interface VippsPaymentStore {

    /**
     * A payment or agreement Dialog started.
     *
     * @param reference   Dialog's reference (8–64 of {@code [a-zA-Z0-9-]}); for an agreement, Dialog's own
     *                    key of it
     * @param monthly     true for a Recurring agreement
     * @param agreementId Vipps' agreement id, once created (null for a one-off payment)
     * @param state       the latest state Vipps reported: ePayment CREATED, AUTHORIZED, CAPTURED,
     *                    CANCELLED, REFUNDED, ABORTED, EXPIRED, TERMINATED; agreement PENDING, ACTIVE,
     *                    STOPPED, EXPIRED, REJECTED
     * @param nextChargeDue for an active agreement, the due date of the next charge Dialog must create
     * @param redirectUrl   where Vipps wants the person sent (the payment's or agreement's confirmation
     *                      page), once created, so that the same submission started again sends the person to
     *                      the same page; null before
     */
    record Started(String reference, String contactId, boolean monthly, long amountOre, Attribution attribution,
                   String agreementId, String state, Instant startedAt, Instant updatedAt, LocalDate nextChargeDue,
                   String redirectUrl) {

        public Started {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(state, "state");
        }

        /** A start without a redirect URL (stores written before it existed). */
        public Started(String reference, String contactId, boolean monthly, long amountOre, Attribution attribution,
                       String agreementId, String state, Instant startedAt, Instant updatedAt, LocalDate nextChargeDue) {
            this(reference, contactId, monthly, amountOre, attribution, agreementId, state, startedAt, updatedAt,
                    nextChargeDue, null);
        }

        public Started withState(String newState, Instant at) {
            return new Started(reference, contactId, monthly, amountOre, attribution, agreementId, newState, startedAt,
                    at, nextChargeDue, redirectUrl);
        }

        public Started withNextChargeDue(LocalDate due) {
            return new Started(reference, contactId, monthly, amountOre, attribution, agreementId, state, startedAt,
                    updatedAt, due, redirectUrl);
        }

        /** What Vipps answered to the create call: the agreement id (null for a payment) and the redirect. */
        public Started withCreated(String newAgreementId, String newRedirectUrl, Instant at) {
            return new Started(reference, contactId, monthly, amountOre, attribution, newAgreementId, state, startedAt,
                    at, nextChargeDue, newRedirectUrl);
        }
    }

    /** Records a start unless one with the reference exists; returns false (changing nothing) if it does. */
    boolean create(TenantId tenant, Started started);

    Optional<Started> find(TenantId tenant, String reference);

    Optional<Started> findByAgreement(TenantId tenant, String agreementId);

    /** Replaces the stored record (state, agreement id, next charge) of the same reference. */
    void update(TenantId tenant, Started started);

    /** Active agreements whose next charge is due on or before {@code dueBy}. */
    List<Started> agreementsDueBy(TenantId tenant, LocalDate dueBy);

    /** A charge Dialog created on an agreement. */
    record Charge(String chargeId, String agreementId, String reference, long amountOre, LocalDate due, String state) {}

    /**
     * Records a charge for an agreement's due date unless one exists for that date; returns false if it
     * does (the schedule ran twice).
     */
    boolean addCharge(TenantId tenant, Charge charge);

    Optional<Charge> findCharge(TenantId tenant, String chargeId);

    void updateCharge(TenantId tenant, Charge charge);
}
