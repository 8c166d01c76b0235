package no.dialog.aws.payment;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.payment.GiverCandidates;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentRegistrar;

/**
 * The payment registrar, for the functions that register money (Vipps webhooks and schedules, OCR files).
 * The stores it needs are beans of their own, each {@code @Requires(property = "payments.table")}
 * ({@code PAYMENTS_TABLE}), like the registrar: a function without the table has none of them and starts
 * as before. The bus publisher ({@link EventBridgePaymentEvents}) and the Vipps settings
 * ({@code VIPPS_SETTINGS}: {@code secrets-manager}, the default, or {@code tenant-settings}) are beans of
 * their own too; all are created only when a function asks for them.
 */
@Factory
public class PaymentsFactory {

    @Singleton
    @Requires(property = "payments.table")
    @Requires(beans = {PaymentLedger.class, GiverCandidates.class, ContactStore.class, ResponsePublisher.class,
            PaymentEvents.class})
    PaymentRegistrar paymentRegistrar(PaymentLedger ledger, GiverCandidates candidates, ContactStore contacts,
            ResponsePublisher responses, PaymentEvents events, Clock clock) {
        return new PaymentRegistrar(ledger, candidates, contacts, responses, events, clock);
    }
}
