package no.dialog.core.payment.vipps;

import static no.dialog.core.payment.vipps.VippsEventProcessorTest.ATTRIBUTION;
import static no.dialog.core.payment.vipps.VippsEventProcessorTest.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.FakeVippsApi;
import no.dialog.core.testing.InMemoryVippsPaymentStore;
import org.junit.jupiter.api.Test;

class RecurringChargeSchedulerTest {

    private static final TenantId DEMO = new TenantId("demo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    /** The earliest due date Vipps accepts for a charge created today. */
    private static final LocalDate EARLIEST = TODAY.plusDays(RecurringChargeScheduler.MIN_NOTICE_DAYS);

    private final FakeVippsApi api = new FakeVippsApi();
    private final InMemoryVippsPaymentStore store = new InMemoryVippsPaymentStore();
    private boolean configured = true;
    private final VippsSettings settings = tenant -> configured
            ? Optional.of(new VippsSettings.TenantVipps(CREDENTIALS, "hook-secret", true, "Fast gave til barna"))
            : Optional.empty();
    private final RecurringChargeScheduler scheduler = new RecurringChargeScheduler(settings, api, store, 3, 5);

    private void agreement(String agreementId, String state, LocalDate nextDue) {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        store.create(DEMO, new VippsPaymentStore.Started("dlg-" + agreementId, "c-" + agreementId, true, 20_000,
                ATTRIBUTION, agreementId, state, at, at, nextDue, null));
    }

    private LocalDate nextDue(String agreementId) {
        return store.findByAgreement(DEMO, agreementId).orElseThrow().nextChargeDue();
    }

    @Test
    void chargesDueWithinTheLeadDaysAreCreatedAndTheNextMovesAMonth() {
        agreement("agr-a", "ACTIVE", TODAY.plusDays(3));
        agreement("agr-b", "ACTIVE", TODAY.plusDays(4));
        agreement("agr-c", "STOPPED", EARLIEST);

        RecurringChargeScheduler.Summary summary = scheduler.run(DEMO, TODAY);

        assertThat(summary).isEqualTo(new RecurringChargeScheduler.Summary(1, 0, 0, 0));
        assertThat(api.calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("createCharge");
            assertThat(call.id()).isEqualTo("agr-a");
            assertThat(call.amountOre()).isEqualTo(20_000);
            assertThat(call.due()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(call.idempotencyKey()).isEqualTo("agr-a-2026-12-03");
        });
        assertThat(store.charges(DEMO)).singleElement().satisfies(charge -> {
            assertThat(charge.agreementId()).isEqualTo("agr-a");
            assertThat(charge.reference()).isEqualTo("dlg-agr-a");
            assertThat(charge.due()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(charge.state()).isEqualTo("DUE");
        });
        assertThat(nextDue("agr-a")).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(nextDue("agr-b")).isEqualTo(TODAY.plusDays(4));
    }

    @Test
    void aChargeIsNeverDueSoonerThanVippsAcceptsAndMissedMonthsAreNotCaughtUp() {
        agreement("agr-new", "ACTIVE", TODAY);
        agreement("agr-late", "ACTIVE", LocalDate.of(2026, 8, 15));

        scheduler.run(DEMO, TODAY);

        assertThat(api.calls).extracting(FakeVippsApi.Call::due).containsOnly(EARLIEST);
        assertThat(nextDue("agr-new")).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(nextDue("agr-late")).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(scheduler.run(DEMO, TODAY)).isEqualTo(new RecurringChargeScheduler.Summary(0, 0, 0, 0));
    }

    @Test
    void aRunCutOffAfterTheChargeIsFinishedWithoutASecondCharge() {
        agreement("agr-a", "ACTIVE", EARLIEST);
        String chargeId = api.createCharge(CREDENTIALS, "agr-a", 20_000, EARLIEST, 5, "Fast gave", "agr-a-" + EARLIEST);
        store.addCharge(DEMO, new VippsPaymentStore.Charge(chargeId, "agr-a", "dlg-agr-a", 20_000, EARLIEST, "DUE"));

        RecurringChargeScheduler.Summary summary = scheduler.run(DEMO, TODAY);

        assertThat(summary).isEqualTo(new RecurringChargeScheduler.Summary(0, 1, 0, 0));
        assertThat(api.created()).isEqualTo(1);
        assertThat(store.charges(DEMO)).hasSize(1);
        assertThat(nextDue("agr-a")).isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void aChargeVippsCouldNotCreateIsLeftForTheNextRun() {
        agreement("agr-a", "ACTIVE", EARLIEST);
        api.failNext(FakeVippsApi.serverError());

        assertThat(scheduler.run(DEMO, TODAY)).isEqualTo(new RecurringChargeScheduler.Summary(0, 0, 1, 0));
        assertThat(nextDue("agr-a")).isEqualTo(EARLIEST);
        assertThat(store.charges(DEMO)).isEmpty();

        assertThat(scheduler.run(DEMO, TODAY)).isEqualTo(new RecurringChargeScheduler.Summary(1, 0, 0, 0));
        assertThat(api.calls).extracting(FakeVippsApi.Call::idempotencyKey).containsOnly("agr-a-" + EARLIEST);
    }

    @Test
    void aRefusedChargeIsCountedApartAndTheAgreementIsLeftAlone() {
        agreement("agr-a", "ACTIVE", EARLIEST);
        api.failNext(FakeVippsApi.refused());

        assertThat(scheduler.run(DEMO, TODAY)).isEqualTo(new RecurringChargeScheduler.Summary(0, 0, 0, 1));
        assertThat(nextDue("agr-a")).isEqualTo(EARLIEST);
    }

    @Test
    void aTenantWithoutVippsHasNothingToCharge() {
        agreement("agr-a", "ACTIVE", EARLIEST);
        configured = false;

        assertThat(scheduler.run(DEMO, TODAY)).isEqualTo(new RecurringChargeScheduler.Summary(0, 0, 0, 0));
        assertThat(api.calls).isEmpty();
    }

    @Test
    void leadAndRetryDaysAreChecked() {
        assertThatThrownBy(() -> new RecurringChargeScheduler(settings, api, store, 0, 5))
                .hasMessageContaining("leadDays");
        assertThatThrownBy(() -> new RecurringChargeScheduler(settings, api, store, 3, 15))
                .hasMessageContaining("retryDays");
    }
}
