package no.dialog.core.payment.vipps;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One webhook event from Vipps MobilePay, as {@link VippsWebhookEvents#parse} reads it: an ePayment event
 * (about a payment Dialog started, by its {@code reference}) or a Recurring event (about an agreement, and
 * for charge events one of its charges).
 *
 * @param eventId        the event's identity for de-duplication: the same for every delivery of the event
 *                       (a digest of its name, ids and time), never the same for two events
 * @param name           the name as Vipps sent it ({@code AUTHORIZED}, {@code recurring.charge-captured.v1})
 * @param reference      ePayment: Dialog's reference of the payment; null for Recurring
 * @param pspReference   ePayment: Vipps' id of the operation; null for Recurring
 * @param agreementId    Recurring: the agreement; null for ePayment
 * @param chargeId       Recurring charge events: the charge; null otherwise
 * @param amountOre      the amount the event is about in øre (ePayment {@code amount.value}, Recurring
 *                       {@code amount}); 0 when the event carries none
 * @param timestamp      when it happened (ePayment {@code timestamp}, Recurring {@code occurred})
 * @param idempotencyKey ePayment: the idempotency key of the request that caused it, or null
 * @param success        ePayment: false when the operation failed; true for Recurring
 * @param failureReason  Recurring charge-failed: Vipps' reason ({@code user_action_required} ...), or null
 */
public record VippsWebhookEvent(String eventId, Kind kind, String name, String msn, String reference,
                                String pspReference, String agreementId, String chargeId, long amountOre,
                                Instant timestamp, String idempotencyKey, boolean success, String failureReason) {

    public VippsWebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** What happened. {@link #OTHER} is an event Dialog does not act on (a newer type, say). */
    public enum Kind {
        PAYMENT_CREATED, PAYMENT_AUTHORIZED, PAYMENT_CAPTURED, PAYMENT_CANCELLED, PAYMENT_REFUNDED,
        PAYMENT_ABORTED, PAYMENT_EXPIRED, PAYMENT_TERMINATED,
        AGREEMENT_ACTIVATED, AGREEMENT_REJECTED, AGREEMENT_STOPPED, AGREEMENT_EXPIRED,
        CHARGE_RESERVED, CHARGE_CAPTURED, CHARGE_CANCELED, CHARGE_FAILED, CHARGE_CREATION_FAILED, CHARGE_REFUNDED,
        OTHER;

        public boolean ePayment() {
            return name().startsWith("PAYMENT_");
        }

        public boolean agreement() {
            return name().startsWith("AGREEMENT_");
        }

        public boolean charge() {
            return name().startsWith("CHARGE_");
        }

        /**
         * The state this event puts its payment, agreement or charge in: {@code AUTHORIZED},
         * {@code ACTIVE}, {@code CAPTURED}, {@code CREATION_FAILED} ...
         */
        public String state() {
            String rest = name().substring(name().indexOf('_') + 1);
            return this == AGREEMENT_ACTIVATED ? "ACTIVE" : rest.toUpperCase(Locale.ROOT);
        }
    }
}
