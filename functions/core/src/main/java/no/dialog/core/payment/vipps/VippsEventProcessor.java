package no.dialog.core.payment.vipps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * Carries out what a Vipps webhook event means for Dialog. Vipps retries an event for days and may
 * deliver it twice or late, so every effect is idempotent, states only move forward
 * ({@link VippsStates}), and the event is marked handled in the {@link VippsEventInbox} only after its
 * effects succeeded (a failure is thrown, the caller answers non-2xx, and Vipps delivers again).
 *
 * <ul>
 *   <li>ePayment {@code AUTHORIZED}: capture at once where the tenant chose so (the gift is registered
 *       when {@code CAPTURED} arrives); otherwise register the gift now.</li>
 *   <li>ePayment {@code CAPTURED}: register the gift (source {@code vipps-epayment}, the Vipps reference)
 *       against the person and journey step that started it.</li>
 *   <li>Other ePayment events: the state only (the page the person returns to reads it).</li>
 *   <li>Agreement activated: the agreement becomes active with its first charge due; the person's replica
 *       says regular donor; {@code RecurringDonorSignedUp} on the bus; an {@code agreement-activated}
 *       response for journeys.</li>
 *   <li>Charge captured: register the gift (source {@code vipps-recurring}, the charge id). Charge failed,
 *       canceled or not created: a {@code payment-failed} response for the person.</li>
 * </ul>
 */
public final class VippsEventProcessor {

    /** The response type of an activated agreement. */
    public static final String AGREEMENT_ACTIVATED = "agreement-activated";
    /** The response type of a failed charge (also used by other payment sources). */
    public static final String PAYMENT_FAILED = "payment-failed";
    static final String RECURRING_SIGNED_UP = "RecurringDonorSignedUp";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VippsSettings settings;
    private final VippsApi api;
    private final VippsPaymentStore store;
    private final VippsEventInbox inbox;
    private final PaymentRegistrar registrar;
    private final ContactStore contacts;
    private final PaymentEvents events;
    private final ResponsePublisher responses;
    private final Clock clock;

    public VippsEventProcessor(VippsSettings settings, VippsApi api, VippsPaymentStore store, VippsEventInbox inbox,
                               PaymentRegistrar registrar, ContactStore contacts, PaymentEvents events,
                               ResponsePublisher responses, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.api = Objects.requireNonNull(api);
        this.store = Objects.requireNonNull(store);
        this.inbox = Objects.requireNonNull(inbox);
        this.registrar = Objects.requireNonNull(registrar);
        this.contacts = Objects.requireNonNull(contacts);
        this.events = Objects.requireNonNull(events);
        this.responses = Objects.requireNonNull(responses);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What handling an event came to. */
    public enum Outcome {
        /** Its effects were carried out (or were already, and nothing was repeated). */
        HANDLED,
        /** The inbox already had it: nothing done. */
        ALREADY_HANDLED,
        /**
         * No payment or agreement Dialog started has its reference or agreement id (another system on the same
         * sales unit, say): nothing done; answer 2xx so Vipps stops.
         */
        UNKNOWN,
        /** An event Dialog does not act on, or a failed operation ({@code success: false}): nothing done. */
        IGNORED,
        /** Vipps refused the capture (a 4xx): the payment stays authorised, for staff to look at. */
        CAPTURE_REFUSED,
        /** The tenant has no Vipps set-up (any more): nothing done. */
        NOT_CONFIGURED
    }

    /** The outcome, with the state the payment or agreement is in now where there is one. */
    public record Result(Outcome outcome, String state) {}

    /**
     * @throws VippsException    when a call to Vipps failed and may work later (the event is not marked handled)
     * @throws RuntimeException  when a store or publisher failed (likewise)
     */
    public Result handle(TenantId tenant, VippsWebhookEvent event) {
        if (inbox.handled(tenant, event.eventId())) {
            return new Result(Outcome.ALREADY_HANDLED, null);
        }
        Result result;
        if (event.kind().ePayment()) {
            result = ePayment(tenant, event);
        } else if (event.kind().agreement()) {
            result = agreement(tenant, event);
        } else if (event.kind().charge()) {
            result = charge(tenant, event);
        } else {
            result = new Result(Outcome.IGNORED, null);
        }
        if (result.outcome() != Outcome.UNKNOWN && result.outcome() != Outcome.NOT_CONFIGURED) {
            inbox.markHandled(tenant, event.eventId(), clock.instant());
        }
        return result;
    }

    private Result ePayment(TenantId tenant, VippsWebhookEvent event) {
        Optional<VippsPaymentStore.Started> found = store.find(tenant, event.reference());
        if (found.isEmpty() || found.get().monthly()) {
            return new Result(Outcome.UNKNOWN, null);
        }
        VippsPaymentStore.Started started = found.get();
        if (!event.success()) {
            // A failed capture, cancel or refund changes nothing at Vipps; the next event will say what did.
            return new Result(Outcome.IGNORED, started.state());
        }
        Outcome outcome = Outcome.HANDLED;
        switch (event.kind()) {
            case PAYMENT_AUTHORIZED: {
                Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant);
                if (vipps.isEmpty()) {
                    return new Result(Outcome.NOT_CONFIGURED, started.state());
                }
                if (!vipps.get().captureAtOnce()) {
                    registerGift(tenant, started, event);
                } else if (VippsStates.paymentMoves(started.state(), "CAPTURED")) {
                    outcome = capture(vipps.get(), started, event);
                }
                break;
            }
            case PAYMENT_CAPTURED:
                registerGift(tenant, started, event);
                break;
            case PAYMENT_REFUNDED:
                // The state only: the ledger entry, the replica's last gift and the register's GiftReceived are
                // not reversed yet (refunds of gifts are rare; a later change can add a reversal entry).
                break;
            default:
                // CREATED, ABORTED, EXPIRED, TERMINATED, CANCELLED: what the landing result page shows.
                break;
        }
        return new Result(outcome, moveState(tenant, started, event.kind().state()));
    }

    private Outcome capture(VippsSettings.TenantVipps vipps, VippsPaymentStore.Started started,
                            VippsWebhookEvent event) {
        long amount = event.amountOre() > 0 ? event.amountOre() : started.amountOre();
        try {
            // One key per payment: a capture retried after a timeout is the same capture to Vipps.
            api.capture(vipps.credentials(), started.reference(), amount, started.reference() + "-capture");
            return Outcome.HANDLED;
        } catch (VippsException e) {
            if (e.retryable()) {
                throw e;
            }
            return Outcome.CAPTURE_REFUSED;
        }
    }

    private void registerGift(TenantId tenant, VippsPaymentStore.Started started, VippsWebhookEvent event) {
        long amount = event.amountOre() > 0 ? event.amountOre() : started.amountOre();
        // The Vipps reference (not the pspReference, which differs per operation) makes the ledger id, so an
        // AUTHORIZED and a CAPTURED of the same payment register it once.
        registrar.register(tenant, new IncomingPayment(PaymentSource.VIPPS_EPAYMENT, started.reference(),
                PaymentKind.GIFT, amount, event.timestamp(), started.contactId(), Payer.UNKNOWN, started.attribution(),
                null));
    }

    private Result agreement(TenantId tenant, VippsWebhookEvent event) {
        Optional<VippsPaymentStore.Started> found = store.findByAgreement(tenant, event.agreementId());
        if (found.isEmpty()) {
            return new Result(Outcome.UNKNOWN, null);
        }
        VippsPaymentStore.Started started = found.get();
        if (event.kind() == VippsWebhookEvent.Kind.AGREEMENT_ACTIVATED) {
            started = activate(tenant, started, event);
        }
        return new Result(Outcome.HANDLED, moveState(tenant, started, event.kind().state()));
    }

    /**
     * The first charge falls due the day after activation: Vipps wants a charge's due date at least a day
     * ahead, and Dialog's agreements carry no initial charge, so the schedule creates it on its next run.
     * Each step is idempotent, so a delivery cut off half-way is finished by the next one.
     */
    private VippsPaymentStore.Started activate(TenantId tenant, VippsPaymentStore.Started started,
                                               VippsWebhookEvent event) {
        VippsPaymentStore.Started current = started;
        if (current.nextChargeDue() == null && VippsStates.agreementMoves(current.state(), "ACTIVE")) {
            LocalDate firstDue = event.timestamp().atZone(OsloTime.ZONE).toLocalDate()
                    .plusDays(RecurringChargeScheduler.MIN_NOTICE_DAYS);
            current = current.withNextChargeDue(firstDue);
        }
        markRegularDonor(tenant, current);
        events.publish(tenant, List.of(signedUpEvent(tenant, current, event)));
        responses.publish(tenant, List.of(activatedSignal(current, event)));
        return current;
    }

    private void markRegularDonor(TenantId tenant, VippsPaymentStore.Started started) {
        Optional<Contact> found = contacts.find(tenant, started.contactId());
        if (found.isEmpty()) {
            return;
        }
        Contact contact = found.get();
        DonorFacts donor = contact.donor() != null ? contact.donor()
                : new DonorFacts(false, null, null, null, null, null, null);
        if (donor.regularDonor() && Long.valueOf(started.amountOre()).equals(donor.regularAmountOre())) {
            return;
        }
        DonorFacts regular = new DonorFacts(true, started.amountOre(), donor.firstGiftDate(), donor.lastGiftDate(),
                donor.lastGiftAmountOre(), donor.sumLast12MonthsOre(), donor.giftCount());
        contacts.upsert(tenant, contact.withDonor(regular, clock.instant()));
    }

    private static PaymentEvents.BusEvent signedUpEvent(TenantId tenant, VippsPaymentStore.Started started,
                                                        VippsWebhookEvent event) {
        ObjectNode detail = MAPPER.createObjectNode()
                .put("tenant", tenant.value())
                .put("idempotencyKey", "agreement:" + started.agreementId())
                .put("contactId", started.contactId())
                .put("agreementId", started.agreementId())
                .put("reference", started.reference())
                .put("source", PaymentSource.VIPPS_RECURRING.jsonName())
                .put("monthlyAmountOre", started.amountOre())
                .put("currency", "NOK")
                .put("activatedAt", event.timestamp().toString());
        Attribution attribution = started.attribution();
        if (attribution != null) {
            ObjectNode journey = detail.putObject("journey").put("journeyId", attribution.journeyId());
            if (attribution.version() != null) {
                journey.put("version", attribution.version());
            }
            journey.put("stepId", attribution.stepId()).put("variant", attribution.variant());
        }
        return new PaymentEvents.BusEvent(RECURRING_SIGNED_UP, detail);
    }

    private static Signal activatedSignal(VippsPaymentStore.Started started, VippsWebhookEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("monthlyAmountOre", Long.toString(started.amountOre()));
        attributes.put("source", PaymentSource.VIPPS_RECURRING.jsonName());
        Attribution attribution = started.attribution();
        return new Signal(AGREEMENT_ACTIVATED + ":" + started.agreementId(), AGREEMENT_ACTIVATED, started.contactId(),
                event.timestamp(), attributes, attribution == null ? null : attribution.journeyId(),
                attribution == null ? null : attribution.enrolmentId());
    }

    private Result charge(TenantId tenant, VippsWebhookEvent event) {
        Optional<VippsPaymentStore.Started> found = store.findByAgreement(tenant, event.agreementId());
        if (found.isEmpty()) {
            return new Result(Outcome.UNKNOWN, null);
        }
        VippsPaymentStore.Started started = found.get();
        Optional<VippsPaymentStore.Charge> charge = store.findCharge(tenant, event.chargeId());
        switch (event.kind()) {
            case CHARGE_CAPTURED: {
                long amount = event.amountOre() > 0 ? event.amountOre()
                        : charge.map(VippsPaymentStore.Charge::amountOre).orElse(started.amountOre());
                registrar.register(tenant, new IncomingPayment(PaymentSource.VIPPS_RECURRING, event.chargeId(),
                        PaymentKind.GIFT, amount, event.timestamp(), started.contactId(), Payer.UNKNOWN,
                        started.attribution(), null));
                break;
            }
            case CHARGE_FAILED:
            case CHARGE_CANCELED:
            case CHARGE_CREATION_FAILED:
                responses.publish(tenant, List.of(failedSignal(started, event)));
                break;
            default:
                // RESERVED, REFUNDED: the charge's state only.
                break;
        }
        String state = event.kind().state();
        if (charge.isPresent() && VippsStates.chargeMoves(charge.get().state(), state)) {
            VippsPaymentStore.Charge c = charge.get();
            store.updateCharge(tenant, new VippsPaymentStore.Charge(c.chargeId(), c.agreementId(), c.reference(),
                    c.amountOre(), c.due(), state));
        }
        return new Result(Outcome.HANDLED, state);
    }

    /**
     * A response for the person, not for the journey that signed them up (which has long ended): journeys that
     * start on or wait for {@code payment-failed} pick it up.
     */
    private static Signal failedSignal(VippsPaymentStore.Started started, VippsWebhookEvent event) {
        String reason = event.failureReason() != null ? event.failureReason()
                : event.kind().state().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("source", PaymentSource.VIPPS_RECURRING.jsonName());
        attributes.put("agreementId", started.agreementId());
        attributes.put("chargeId", event.chargeId());
        attributes.put("reason", reason);
        return new Signal(PAYMENT_FAILED + ":" + event.chargeId(), PAYMENT_FAILED, started.contactId(),
                event.timestamp(), attributes, null, null);
    }

    /** Stores the new state unless it would move backwards; returns the state now stored. */
    private String moveState(TenantId tenant, VippsPaymentStore.Started started, String state) {
        boolean moves = started.monthly() ? VippsStates.agreementMoves(started.state(), state)
                : VippsStates.paymentMoves(started.state(), state);
        VippsPaymentStore.Started stored = store.find(tenant, started.reference()).orElse(started);
        VippsPaymentStore.Started next = moves ? started.withState(state, clock.instant()) : started;
        if (!next.equals(stored)) {
            store.update(tenant, next);
        }
        return next.state();
    }
}
