package no.dialog.core.payment.vipps;

import static no.dialog.core.payment.vipps.VippsEventProcessorTest.ATTRIBUTION;
import static no.dialog.core.payment.vipps.VippsEventProcessorTest.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.Payments.PaymentResult;
import no.dialog.core.payment.Payments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.FakeVippsApi;
import no.dialog.core.testing.InMemoryVippsPaymentStore;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class VippsLandingPaymentsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Tenant DEMO = new Tenant(new TenantId("demo"), "Hjelpeorganisasjonen", NOW);
    private static final String RETURN_URL = "https://dialog.example.org/l/tok123";
    private static final String SUBMISSION = "lnk-demo-1:sub-1:q-give";
    private static final String REFERENCE = VippsReferences.forSubmission(SUBMISSION);

    private final SettableClock clock = new SettableClock(NOW);
    private final FakeVippsApi api = new FakeVippsApi();
    private final InMemoryVippsPaymentStore store = new InMemoryVippsPaymentStore();
    private boolean configured = true;
    private final VippsSettings settings = tenant -> configured
            ? Optional.of(new VippsSettings.TenantVipps(CREDENTIALS, "hook-secret", true, "Fast gave til barna"))
            : Optional.empty();
    private final VippsLandingPayments payments = new VippsLandingPayments(settings, api, store, clock);

    private static Payments.PaymentRequest gift(String contactId) {
        return new Payments.PaymentRequest(contactId, false, 25_000, SUBMISSION, RETURN_URL, ATTRIBUTION);
    }

    private static Payments.PaymentRequest monthly(String contactId) {
        return new Payments.PaymentRequest(contactId, true, 20_000, SUBMISSION, RETURN_URL, ATTRIBUTION);
    }

    @Test
    void withoutVippsPaymentsAreNotAvailable() {
        configured = false;

        assertThat(payments.start(DEMO, gift("c-1")).available()).isFalse();
        assertThat(store.find(DEMO.id(), REFERENCE)).isEmpty();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void aGiftStartsAnEPaymentUnderAReferenceMadeFromTheSubmission() {
        Payments.PaymentStart start = payments.start(DEMO, gift("c-1"));

        assertThat(REFERENCE).matches("dlg-[0-9a-f]{32}").isEqualTo("dlg-cdf4ef4f9e8bc4eb48158d600640c573");
        assertThat(start.redirectUrl()).isEqualTo("https://vipps.test/landing/" + REFERENCE);
        assertThat(api.paymentOrders).singleElement().satisfies(order -> {
            assertThat(order.reference()).isEqualTo(REFERENCE);
            assertThat(order.amountOre()).isEqualTo(25_000);
            assertThat(order.returnUrl()).isEqualTo(RETURN_URL + "?payment=" + REFERENCE);
            assertThat(order.description()).isEqualTo("Gave til Hjelpeorganisasjonen");
        });
        assertThat(api.calls.get(0).idempotencyKey()).isEqualTo(REFERENCE);
        VippsPaymentStore.Started started = store.find(DEMO.id(), REFERENCE).orElseThrow();
        assertThat(started.contactId()).isEqualTo("c-1");
        assertThat(started.monthly()).isFalse();
        assertThat(started.amountOre()).isEqualTo(25_000);
        assertThat(started.attribution()).isEqualTo(ATTRIBUTION);
        assertThat(started.state()).isEqualTo("CREATED");
        assertThat(started.redirectUrl()).isEqualTo(start.redirectUrl());
    }

    @Test
    void theSameSubmissionStartedAgainGoesToTheSamePageWithoutAskingVipps() {
        String first = payments.start(DEMO, gift("c-1")).redirectUrl();

        assertThat(payments.start(DEMO, gift("c-1")).redirectUrl()).isEqualTo(first);
        assertThat(api.count("createPayment")).isEqualTo(1);
    }

    @Test
    void aStartCutOffBeforeVippsAnsweredIsFinishedWithTheSameIdempotencyKey() {
        api.failNext(FakeVippsApi.serverError());
        assertThatThrownBy(() -> payments.start(DEMO, gift("c-1"))).isInstanceOf(VippsException.class);
        assertThat(store.find(DEMO.id(), REFERENCE).orElseThrow().redirectUrl()).isNull();

        Payments.PaymentStart retried = payments.start(DEMO, gift("c-1"));

        assertThat(retried.redirectUrl()).isEqualTo("https://vipps.test/landing/" + REFERENCE);
        assertThat(api.calls).extracting(FakeVippsApi.Call::idempotencyKey).containsOnly(REFERENCE);
        assertThat(api.created()).isEqualTo(1);
    }

    @Test
    void aRequestVippsRefusesMeansNotAvailable() {
        api.failNext(FakeVippsApi.refused());

        assertThat(payments.start(DEMO, gift("c-1")).available()).isFalse();
    }

    @Test
    void aMonthlyAmountStartsAnAgreement() {
        Tenant withAgreementPage = new Tenant(DEMO.id(), DEMO.name(), NOW,
                Map.of("vipps.agreementUrl", "https://hjelp.example.org/min-side"));

        Payments.PaymentStart start = payments.start(withAgreementPage, monthly("c-1"));

        assertThat(start.redirectUrl()).isEqualTo("https://vipps.test/agreement/agr_1");
        assertThat(api.agreementOrders).singleElement().satisfies(order -> {
            assertThat(order.monthlyAmountOre()).isEqualTo(20_000);
            assertThat(order.productName()).isEqualTo("Fast gave til barna");
            assertThat(order.merchantRedirectUrl()).isEqualTo(RETURN_URL + "?payment=" + REFERENCE);
            assertThat(order.merchantAgreementUrl()).isEqualTo("https://hjelp.example.org/min-side");
        });
        assertThat(api.calls.get(0).idempotencyKey()).isEqualTo(REFERENCE);
        VippsPaymentStore.Started started = store.findByAgreement(DEMO.id(), "agr_1").orElseThrow();
        assertThat(started.reference()).isEqualTo(REFERENCE);
        assertThat(started.monthly()).isTrue();
        assertThat(started.state()).isEqualTo("PENDING");
        assertThat(started.redirectUrl()).isEqualTo(start.redirectUrl());

        assertThat(payments.start(withAgreementPage, monthly("c-1")).redirectUrl()).isEqualTo(start.redirectUrl());
        assertThat(api.count("createAgreement")).isEqualTo(1);
    }

    @Test
    void withoutAnAgreementPageTheDonorManagesItFromTheReturnUrl() {
        payments.start(DEMO, monthly("c-1"));

        assertThat(api.agreementOrders.get(0).merchantAgreementUrl()).isEqualTo(RETURN_URL + "?payment=" + REFERENCE);
    }

    @Test
    void theReferenceIsAddedToAnyReturnUrl() {
        assertThat(VippsLandingPayments.withReference("https://x.org/l/t?lang=nb", "dlg-1"))
                .isEqualTo("https://x.org/l/t?lang=nb&payment=dlg-1");
        assertThat(VippsLandingPayments.withReference("https://x.org/l/t?lang=nb#top", "dlg-1"))
                .isEqualTo("https://x.org/l/t?lang=nb&payment=dlg-1#top");
        assertThat(VippsLandingPayments.withReference("https://x.org/l/t?", "dlg-1"))
                .isEqualTo("https://x.org/l/t?payment=dlg-1");
        assertThatThrownBy(() -> VippsLandingPayments.withReference(" ", "dlg-1"))
                .hasMessage("a payment request needs a return URL");
    }

    @Test
    void theResultIsOnlyForThePersonWhoStartedIt() {
        payments.start(DEMO, gift("c-1"));

        assertThat(payments.result(DEMO, "c-2", REFERENCE)).isEqualTo(PaymentResult.UNKNOWN);
        assertThat(payments.result(DEMO, "c-1", "dlg-ffffffffffffffffffffffffffffffff")).isEqualTo(PaymentResult.UNKNOWN);
        assertThat(payments.result(DEMO, "c-1", null)).isEqualTo(PaymentResult.UNKNOWN);
        assertThat(payments.result(new Tenant(new TenantId("other"), "Other", NOW), "c-1", REFERENCE))
                .isEqualTo(PaymentResult.UNKNOWN);
    }

    @Test
    void aKnownStateIsAnsweredWithoutAskingVipps() {
        payments.start(DEMO, gift("c-1"));
        VippsPaymentStore.Started started = store.find(DEMO.id(), REFERENCE).orElseThrow();

        store.update(DEMO.id(), started.withState("CAPTURED", NOW));
        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.COMPLETED);
        assertThat(payments.result(DEMO, "c-1", SUBMISSION)).isEqualTo(PaymentResult.COMPLETED);
        store.update(DEMO.id(), started.withState("ABORTED", NOW));
        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.NOT_COMPLETED);

        assertThat(api.count("payment")).isZero();
    }

    @Test
    void aPaymentStillWaitingIsAskedOfVippsOnce() {
        payments.start(DEMO, gift("c-1"));

        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.PENDING);
        api.setPaymentState(REFERENCE, "AUTHORIZED");
        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.COMPLETED);
        assertThat(store.find(DEMO.id(), REFERENCE).orElseThrow().state()).isEqualTo("AUTHORIZED");
        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.COMPLETED);

        assertThat(api.count("payment")).isEqualTo(2);
    }

    @Test
    void anAgreementStillPendingIsAskedOfVipps() {
        payments.start(DEMO, monthly("c-1"));
        api.setAgreementStatus("agr_1", "ACTIVE");

        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.COMPLETED);
        assertThat(store.find(DEMO.id(), REFERENCE).orElseThrow().state()).isEqualTo("ACTIVE");

        store.update(DEMO.id(), store.find(DEMO.id(), REFERENCE).orElseThrow().withState("REJECTED", NOW));
        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.NOT_COMPLETED);
    }

    @Test
    void whenVippsCannotBeAskedThePageSaysWaiting() {
        payments.start(DEMO, gift("c-1"));
        api.failNext(FakeVippsApi.serverError());

        assertThat(payments.result(DEMO, "c-1", REFERENCE)).isEqualTo(PaymentResult.PENDING);
        assertThat(store.find(DEMO.id(), REFERENCE).orElseThrow().state()).isEqualTo("CREATED");
    }
}
