package no.dialog.vipps;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.payment.vipps.DonationCursors;
import no.dialog.core.payment.vipps.DonationsPoller;
import no.dialog.core.payment.vipps.RecurringChargeScheduler;
import no.dialog.core.payment.vipps.VippsApi;
import no.dialog.core.payment.vipps.VippsEventInbox;
import no.dialog.core.payment.vipps.VippsEventProcessor;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.payment.vipps.VippsWebhookSignature;
import no.dialog.providers.vipps.VippsClientSettings;
import no.dialog.providers.vipps.VippsHttpApi;

/**
 * Wires the vipps functions from their environment: {@code VIPPS_BASE_URL} (Vipps' API, or the local
 * sandbox), {@code VIPPS_EVENTS_QUEUE_URL} / {@code VIPPS_EVENTS_DLQ_URL}, {@code PUBLIC_BASE_URL} (the
 * host and path Vipps signs), {@code VIPPS_SETTINGS} (where credentials come from), and the payments,
 * contacts and tenants tables, the responses queue and the event bus (see {@code PaymentsFactory}).
 */
@Factory
class VippsFactory {

    @Singleton
    @Requires(property = "vipps.base.url")
    VippsApi vippsApi(@Value("${vipps.base.url}") String baseUrl, @Value("${dialog.version:0.1.0}") String version,
                      Clock clock) {
        return new VippsHttpApi(VippsClientSettings.of(baseUrl, version), clock);
    }

    @Singleton
    VippsWebhookSignature webhookSignature(Clock clock) {
        return new VippsWebhookSignature(clock);
    }

    @Singleton
    @Requires(beans = {VippsSettings.class, VippsApi.class, VippsPaymentStore.class, VippsEventInbox.class,
            PaymentRegistrar.class, ContactStore.class, PaymentEvents.class, ResponsePublisher.class})
    VippsEventProcessor eventProcessor(VippsSettings settings, VippsApi api, VippsPaymentStore store,
                                       VippsEventInbox inbox, PaymentRegistrar registrar, ContactStore contacts,
                                       PaymentEvents events, ResponsePublisher responses, Clock clock) {
        return new VippsEventProcessor(settings, api, store, inbox, registrar, contacts, events, responses, clock);
    }

    @Singleton
    @Requires(beans = {VippsSettings.class, VippsApi.class, DonationCursors.class, PaymentRegistrar.class,
            UnmatchedPayments.class})
    DonationsPoller donationsPoller(VippsSettings settings, VippsApi api, DonationCursors cursors,
                                    PaymentRegistrar registrar, UnmatchedPayments unmatched, Clock clock) {
        return new DonationsPoller(settings, api, cursors, registrar, unmatched, clock);
    }

    @Singleton
    @Requires(beans = {VippsSettings.class, VippsApi.class, VippsPaymentStore.class})
    RecurringChargeScheduler chargeScheduler(VippsSettings settings, VippsApi api, VippsPaymentStore store) {
        return new RecurringChargeScheduler(settings, api, store);
    }
}
