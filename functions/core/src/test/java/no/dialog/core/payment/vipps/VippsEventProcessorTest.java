package no.dialog.core.payment.vipps;

import static no.dialog.core.payment.vipps.VippsWebhookEventsTest.REFERENCE;
import static no.dialog.core.payment.vipps.VippsWebhookEventsTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.vipps.VippsEventProcessor.Outcome;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.FakeVippsApi;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryGiverCandidates;
import no.dialog.core.testing.InMemoryPaymentLedger;
import no.dialog.core.testing.InMemoryVippsEventInbox;
import no.dialog.core.testing.InMemoryVippsPaymentStore;
import no.dialog.core.testing.RecordingPaymentEvents;
import no.dialog.core.testing.RecordingResponses;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VippsEventProcessorTest {

    static final TenantId DEMO = new TenantId("demo");
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final VippsCredentials CREDENTIALS = new VippsCredentials("client", "secret", "sub", "123456");
    static final Attribution ATTRIBUTION = new Attribution("thank-you", 2, "ask-gift", "B", "enr-1");
    static final String AGREEMENT_REFERENCE = "dlg-00000000000000000000000000000a01";
    /** The replica's time of the person is ahead of Dialog's clock: Dialog's write must still win. */
    static final Instant REGISTER_UPDATED = Instant.parse("2026-12-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryVippsPaymentStore store = new InMemoryVippsPaymentStore();
    private final InMemoryVippsEventInbox inbox = new InMemoryVippsEventInbox();
    private final FakeVippsApi api = new FakeVippsApi();
    private final InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final RecordingResponses responses = new RecordingResponses();
    private final RecordingPaymentEvents events = new RecordingPaymentEvents();
    private boolean captureAtOnce = true;
    private boolean configured = true;
    private final VippsSettings settings = tenant -> configured
            ? Optional.of(new VippsSettings.TenantVipps(CREDENTIALS, "hook-secret", captureAtOnce, "Fast gave"))
            : Optional.empty();
    private final PaymentRegistrar registrar = new PaymentRegistrar(ledger, new InMemoryGiverCandidates(), contacts,
            responses, events, clock);
    private final VippsEventProcessor processor = new VippsEventProcessor(settings, api, store, inbox, registrar,
            contacts, events, responses, clock);

    @BeforeEach
    void aPersonWhoStartedAGiftAndAnAgreement() {
        contacts.upsert(DEMO, new Contact("c-1", REGISTER_UPDATED, "Kari", "Nordmann", null, "+4791234567", null, null,
                List.of(), new DonorFacts(false, null, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1), 10_000L,
                        10_000L, 1), List.of(), List.of(), List.of(), Map.of(), null, Map.of()));
        store.create(DEMO, new VippsPaymentStore.Started(REFERENCE, "c-1", false, 25_000, ATTRIBUTION, null, "CREATED",
                NOW.minusSeconds(300), NOW.minusSeconds(300), null, "https://vipps.test/landing/" + REFERENCE));
        store.create(DEMO, new VippsPaymentStore.Started(AGREEMENT_REFERENCE, "c-1", true, 20_000, ATTRIBUTION,
                "agr_5kSeqz4", "PENDING", NOW.minusSeconds(300), NOW.minusSeconds(300), null,
                "https://vipps.test/agreement/agr_5kSeqz4"));
    }

    private String state(String reference) {
        return store.find(DEMO, reference).orElseThrow().state();
    }

    private List<String> responseTypes() {
        return responses.published.stream().map(Signal::type).toList();
    }

    @Test
    void anAuthorisedGiftIsCapturedAndTheCaptureRegistersItOnceAgainstTheStep() {
        VippsEventProcessor.Result authorized = processor.handle(DEMO, fixture("epayment-authorized"));

        assertThat(authorized).isEqualTo(new VippsEventProcessor.Result(Outcome.HANDLED, "AUTHORIZED"));
        assertThat(api.calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("capture");
            assertThat(call.id()).isEqualTo(REFERENCE);
            assertThat(call.amountOre()).isEqualTo(25_000);
            assertThat(call.idempotencyKey()).isEqualTo(REFERENCE + "-capture");
        });
        assertThat(ledger.size()).isZero();

        VippsEventProcessor.Result captured = processor.handle(DEMO, fixture("epayment-captured"));
        VippsEventProcessor.Result again = processor.handle(DEMO, fixture("epayment-captured"));

        assertThat(captured.state()).isEqualTo("CAPTURED");
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_HANDLED);
        assertThat(state(REFERENCE)).isEqualTo("CAPTURED");
        assertThat(ledger.size()).isEqualTo(1);
        RegisteredPayment gift = ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, REFERENCE))
                .orElseThrow().payment();
        assertThat(gift.contactId()).isEqualTo("c-1");
        assertThat(gift.amountOre()).isEqualTo(25_000);
        assertThat(gift.attribution()).isEqualTo(ATTRIBUTION);
        assertThat(gift.receivedAt()).isEqualTo(Instant.parse("2026-11-30T09:59:14.789Z"));
        assertThat(responses.published).singleElement().satisfies(paid -> {
            assertThat(paid.type()).isEqualTo("paid");
            assertThat(paid.journeyId()).isEqualTo("thank-you");
            assertThat(paid.enrolmentId()).isEqualTo("enr-1");
            assertThat(paid.attributes()).containsEntry("source", "vipps-epayment").containsEntry("amountOre", "25000");
        });
        assertThat(events.types()).containsExactly("GiftReceived");
        assertThat(api.count("capture")).isEqualTo(1);
    }

    @Test
    void withoutCaptureAtOnceTheAuthorisationRegistersAndTheLaterCaptureAddsNothing() {
        captureAtOnce = false;

        processor.handle(DEMO, fixture("epayment-authorized"));
        processor.handle(DEMO, fixture("epayment-captured"));

        assertThat(api.count("capture")).isZero();
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(responseTypes()).containsExactly("paid");
        assertThat(state(REFERENCE)).isEqualTo("CAPTURED");
    }

    @Test
    void aLateAuthorisationNeitherUndoesTheCaptureNorCapturesAgain() {
        processor.handle(DEMO, fixture("epayment-captured"));

        VippsEventProcessor.Result late = processor.handle(DEMO, fixture("epayment-authorized"));

        assertThat(late).isEqualTo(new VippsEventProcessor.Result(Outcome.HANDLED, "CAPTURED"));
        assertThat(api.count("capture")).isZero();
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void endsWithoutMoneyOnlyMoveTheStateAndTheFirstEndStays() {
        assertThat(processor.handle(DEMO, fixture("epayment-created")).state()).isEqualTo("CREATED");
        assertThat(processor.handle(DEMO, fixture("epayment-aborted")).state()).isEqualTo("ABORTED");
        assertThat(processor.handle(DEMO, fixture("epayment-expired")).state()).isEqualTo("ABORTED");
        assertThat(processor.handle(DEMO, fixture("epayment-terminated")).state()).isEqualTo("ABORTED");

        assertThat(ledger.size()).isZero();
        assertThat(responses.published).isEmpty();
        assertThat(api.calls).isEmpty();
        assertThat(inbox.size()).isEqualTo(4);
    }

    @Test
    void aRefundMovesTheStateAndLeavesTheLedgerAlone() {
        processor.handle(DEMO, fixture("epayment-captured"));

        assertThat(processor.handle(DEMO, fixture("epayment-refunded")).state()).isEqualTo("REFUNDED");
        assertThat(processor.handle(DEMO, fixture("epayment-cancelled")).state()).isEqualTo("REFUNDED");
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void anUnknownReferenceIsReportedAndNotMarkedHandled() {
        VippsWebhookEvent other = VippsWebhookEvents.parse(("{\"msn\":\"123456\",\"reference\":\"webshop-order-991\","
                + "\"pspReference\":\"1\",\"name\":\"CAPTURED\",\"amount\":{\"currency\":\"NOK\",\"value\":100},"
                + "\"timestamp\":\"2026-11-30T10:00:00Z\",\"success\":true}").getBytes());

        assertThat(processor.handle(DEMO, other).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(processor.handle(new TenantId("other"), fixture("epayment-captured")).outcome())
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(inbox.size()).isZero();
        assertThat(ledger.size()).isZero();
    }

    @Test
    void aCaptureThatMayWorkLaterFailsTheDeliveryAndTheNextDeliveryCaptures() {
        api.failNext(FakeVippsApi.serverError());

        assertThatThrownBy(() -> processor.handle(DEMO, fixture("epayment-authorized")))
                .isInstanceOf(VippsException.class);
        assertThat(inbox.size()).isZero();
        assertThat(state(REFERENCE)).isEqualTo("CREATED");

        assertThat(processor.handle(DEMO, fixture("epayment-authorized")).outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(api.count("capture")).isEqualTo(2);
        assertThat(api.calls).extracting(FakeVippsApi.Call::idempotencyKey).containsOnly(REFERENCE + "-capture");
    }

    @Test
    void aRefusedCaptureLeavesThePaymentAuthorisedAndIsNotRetried() {
        api.failNext(FakeVippsApi.refused());

        VippsEventProcessor.Result result = processor.handle(DEMO, fixture("epayment-authorized"));

        assertThat(result).isEqualTo(new VippsEventProcessor.Result(Outcome.CAPTURE_REFUSED, "AUTHORIZED"));
        assertThat(processor.handle(DEMO, fixture("epayment-authorized")).outcome()).isEqualTo(Outcome.ALREADY_HANDLED);
    }

    @Test
    void aFailedOperationChangesNothing() {
        String body = no.dialog.core.testing.Fixtures.read("vipps/epayment-captured.json")
                .replace("\"success\": true", "\"success\": false");

        VippsEventProcessor.Result result = processor.handle(DEMO, VippsWebhookEvents.parse(body.getBytes()));

        assertThat(result).isEqualTo(new VippsEventProcessor.Result(Outcome.IGNORED, "CREATED"));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void whenTheBusFailsTheEventStaysUnhandledAndTheNextDeliveryFinishesTheRegistration() {
        events.failNext();

        assertThatThrownBy(() -> processor.handle(DEMO, fixture("epayment-captured")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(inbox.size()).isZero();

        assertThat(processor.handle(DEMO, fixture("epayment-captured")).outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, REFERENCE)).orElseThrow().settled())
                .isTrue();
        assertThat(events.types()).containsExactly("GiftReceived");
    }

    @Test
    void withoutVippsSetUpAnAuthorisationIsNotHandled() {
        configured = false;

        assertThat(processor.handle(DEMO, fixture("epayment-authorized")).outcome()).isEqualTo(Outcome.NOT_CONFIGURED);
        assertThat(inbox.size()).isZero();
    }

    @Test
    void anActivatedAgreementMakesARegularDonorWithTheFirstChargeDueAsSoonAsVippsAccepts() {
        VippsEventProcessor.Result result = processor.handle(DEMO, fixture("recurring-agreement-activated"));

        assertThat(result).isEqualTo(new VippsEventProcessor.Result(Outcome.HANDLED, "ACTIVE"));
        VippsPaymentStore.Started agreement = store.findByAgreement(DEMO, "agr_5kSeqz4").orElseThrow();
        assertThat(agreement.state()).isEqualTo("ACTIVE");
        assertThat(agreement.nextChargeDue()).isEqualTo(LocalDate.of(2026, 12, 2));
        Contact person = contacts.find(DEMO, "c-1").orElseThrow();
        assertThat(person.donor().regularDonor()).isTrue();
        assertThat(person.donor().regularAmountOre()).isEqualTo(20_000L);
        assertThat(person.donor().lastGiftAmountOre()).isEqualTo(10_000L);
        assertThat(person.donor().giftCount()).isEqualTo(1);
        assertThat(person.updatedAt()).isEqualTo(REGISTER_UPDATED.plusMillis(1));
        assertThat(events.types()).containsExactly("RecurringDonorSignedUp");
        JsonNode detail = events.published.get(0).detail();
        assertThat(detail.path("tenant").asText()).isEqualTo("demo");
        assertThat(detail.path("idempotencyKey").asText()).isEqualTo("agreement:agr_5kSeqz4");
        assertThat(detail.path("contactId").asText()).isEqualTo("c-1");
        assertThat(detail.path("agreementId").asText()).isEqualTo("agr_5kSeqz4");
        assertThat(detail.path("monthlyAmountOre").asLong()).isEqualTo(20_000);
        assertThat(detail.path("journey").path("journeyId").asText()).isEqualTo("thank-you");
        assertThat(detail.path("journey").path("stepId").asText()).isEqualTo("ask-gift");
        assertThat(responses.published).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("agreement-activated");
            assertThat(signal.signalId()).isEqualTo("agreement-activated:agr_5kSeqz4");
            assertThat(signal.attributes()).containsEntry("monthlyAmountOre", "20000");
            assertThat(signal.journeyId()).isEqualTo("thank-you");
            assertThat(signal.contactId()).isEqualTo("c-1");
        });
        // The responses queue takes the new type (it refuses types it does not know).
        Signal activated = responses.published.get(0);
        assertThat(no.dialog.core.enrolment.SignalMessages.parse(
                no.dialog.core.enrolment.SignalMessages.format(DEMO, activated)).signal()).isEqualTo(activated);
    }

    @Test
    void aStoppedAgreementStaysStoppedWhenALateActivationArrives() {
        processor.handle(DEMO, fixture("recurring-agreement-activated"));
        LocalDate due = store.findByAgreement(DEMO, "agr_5kSeqz4").orElseThrow().nextChargeDue();

        assertThat(processor.handle(DEMO, fixture("recurring-agreement-stopped")).state()).isEqualTo("STOPPED");
        String lateActivation = no.dialog.core.testing.Fixtures.read("vipps/recurring-agreement-activated.json")
                .replace("2026-11-30T10:01:00Z", "2026-11-30T10:01:01Z");
        assertThat(processor.handle(DEMO, VippsWebhookEvents.parse(lateActivation.getBytes())).state())
                .isEqualTo("STOPPED");

        VippsPaymentStore.Started agreement = store.findByAgreement(DEMO, "agr_5kSeqz4").orElseThrow();
        assertThat(agreement.state()).isEqualTo("STOPPED");
        assertThat(agreement.nextChargeDue()).isEqualTo(due);
    }

    @Test
    void aRejectedAgreementOnlyChangesItsState() {
        assertThat(processor.handle(DEMO, fixture("recurring-agreement-rejected")).state()).isEqualTo("REJECTED");
        assertThat(processor.handle(DEMO, fixture("recurring-agreement-expired")).state()).isEqualTo("EXPIRED");

        assertThat(events.published).isEmpty();
        assertThat(responses.published).isEmpty();
        assertThat(contacts.find(DEMO, "c-1").orElseThrow().donor().regularDonor()).isFalse();
    }

    @Test
    void aCapturedChargeIsAGiftOfTheRegularDonor() {
        store.addCharge(DEMO, new VippsPaymentStore.Charge("chr-WxP3kq9", "agr_5kSeqz4", AGREEMENT_REFERENCE, 20_000,
                LocalDate.of(2026, 12, 4), "DUE"));

        processor.handle(DEMO, fixture("recurring-charge-reserved"));
        assertThat(store.findCharge(DEMO, "chr-WxP3kq9").orElseThrow().state()).isEqualTo("RESERVED");
        VippsEventProcessor.Result result = processor.handle(DEMO, fixture("recurring-charge-captured"));

        assertThat(result).isEqualTo(new VippsEventProcessor.Result(Outcome.HANDLED, "CAPTURED"));
        RegisteredPayment gift = ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_RECURRING, "chr-WxP3kq9"))
                .orElseThrow().payment();
        assertThat(gift.contactId()).isEqualTo("c-1");
        assertThat(gift.amountOre()).isEqualTo(20_000);
        assertThat(gift.attribution()).isEqualTo(ATTRIBUTION);
        assertThat(store.findCharge(DEMO, "chr-WxP3kq9").orElseThrow().state()).isEqualTo("CAPTURED");
        assertThat(responses.published).singleElement().satisfies(paid ->
                assertThat(paid.attributes()).containsEntry("source", "vipps-recurring"));
        assertThat(events.types()).containsExactly("GiftReceived");
    }

    @Test
    void aFailedChargeTellsJourneysWhy() {
        store.addCharge(DEMO, new VippsPaymentStore.Charge("chr-WxP3kq9", "agr_5kSeqz4", AGREEMENT_REFERENCE, 20_000,
                LocalDate.of(2026, 12, 4), "DUE"));

        processor.handle(DEMO, fixture("recurring-charge-failed"));

        assertThat(responses.published).singleElement().satisfies(failed -> {
            assertThat(failed.type()).isEqualTo("payment-failed");
            assertThat(failed.contactId()).isEqualTo("c-1");
            assertThat(failed.attributes()).containsEntry("source", "vipps-recurring")
                    .containsEntry("agreementId", "agr_5kSeqz4").containsEntry("reason", "user_action_required");
            assertThat(failed.journeyId()).isNull();
        });
        assertThat(store.findCharge(DEMO, "chr-WxP3kq9").orElseThrow().state()).isEqualTo("FAILED");
        assertThat(ledger.size()).isZero();
    }

    @Test
    void aChargeVippsCouldNotCreateOrCanceledIsAFailureWithItsKindAsReason() {
        processor.handle(DEMO, fixture("recurring-charge-creation-failed"));

        assertThat(responses.published).singleElement().satisfies(failed ->
                assertThat(failed.attributes()).containsEntry("reason", "creation-failed"));

        responses.published.clear();
        String canceled = no.dialog.core.testing.Fixtures.read("vipps/recurring-charge-canceled.json")
                .replace("chr-WxP3kq9", "chr-other");
        processor.handle(DEMO, VippsWebhookEvents.parse(canceled.getBytes()));
        assertThat(responses.published).singleElement().satisfies(failed ->
                assertThat(failed.attributes()).containsEntry("reason", "canceled"));
    }

    @Test
    void anUnknownAgreementIsReported() {
        String body = no.dialog.core.testing.Fixtures.read("vipps/recurring-charge-captured.json")
                .replace("agr_5kSeqz4", "agr_someone-else");

        assertThat(processor.handle(DEMO, VippsWebhookEvents.parse(body.getBytes())).outcome())
                .isEqualTo(Outcome.UNKNOWN);
        assertThat(processor.handle(DEMO, VippsWebhookEvents.parse(
                no.dialog.core.testing.Fixtures.read("vipps/recurring-agreement-activated.json")
                        .replace("agr_5kSeqz4", "agr_x").getBytes())).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(ledger.size()).isZero();
        assertThat(inbox.size()).isZero();
    }

    @Test
    void anEventDialogDoesNotKnowIsIgnoredOnce() {
        VippsWebhookEvent other = VippsWebhookEvents.parse(("{\"agreementId\":\"agr_5kSeqz4\","
                + "\"eventType\":\"recurring.agreement-paused.v1\",\"occurred\":\"2026-11-30T10:00:00Z\"}").getBytes());

        assertThat(processor.handle(DEMO, other).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(processor.handle(DEMO, other).outcome()).isEqualTo(Outcome.ALREADY_HANDLED);
    }
}
