package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.vipps.VippsPaymentStore.Charge;
import no.dialog.core.payment.vipps.VippsPaymentStore.Started;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Vipps starts, agreements and charges against DynamoDB Local, one PaymentsTable, a tenant per test. */
class DynamoDbVippsPaymentStoreTest {

    private static String table;
    /** A tenant of each test's own, so the lists one test reads hold only its items. */
    private TenantId tenant;
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final LocalDate DEC_1 = LocalDate.parse("2026-12-01");
    private DynamoDbVippsPaymentStore store;

    @BeforeAll
    static void createTable() {
        table = TestTables.payments(SharedEmulators.get().dynamoDb());
    }

    @BeforeEach
    void tenantOfItsOwn(TestInfo test) {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        store = new DynamoDbVippsPaymentStore(dynamoDb, table);
        tenant = TenantId.of("t" + Integer.toHexString(test.getDisplayName().hashCode()));
    }

    private static Started payment(String reference) {
        return new Started(reference, "C-1", false, 20_000, new Attribution("christmas", 2, "ask", "A", "E-1"),
                null, "CREATED", AT, AT, null);
    }

    private static Started agreement(String reference, String agreementId, String state, LocalDate due) {
        return new Started(reference, "C-2", true, 15_000, Attribution.journey("monthly"), agreementId, state, AT,
                AT, due);
    }

    @Test
    void aStartIsRecordedOnceAndReadBackWhole() {
        Started started = payment("dialog-ref-0001");
        assertThat(store.create(tenant, started)).isTrue();
        assertThat(store.create(tenant, started.withState("AUTHORIZED", AT))).isFalse();
        assertThat(store.find(tenant, "dialog-ref-0001")).contains(started);
        assertThat(store.find(TenantId.of("other"), "dialog-ref-0001")).isEmpty();
    }

    @Test
    void anUpdateReplacesTheStateAndAnUnknownReferenceIsAnError() {
        store.create(tenant, payment("dialog-ref-0002"));
        Started captured = payment("dialog-ref-0002").withState("CAPTURED", AT.plusSeconds(40));
        store.update(tenant, captured);
        assertThat(store.find(tenant, "dialog-ref-0002")).contains(captured);
        assertThatThrownBy(() -> store.update(tenant, payment("dialog-ref-none")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dialog-ref-none");
        assertThat(store.find(tenant, "dialog-ref-none")).isEmpty();
    }

    @Test
    void anAgreementIsFoundByVippsIdOnceItHasOne() {
        Started pending = agreement("dialog-agr-0001", null, "PENDING", null);
        store.create(tenant, pending);
        assertThat(store.findByAgreement(tenant, "agr-123")).isEmpty();

        Started withId = new Started(pending.reference(), pending.contactId(), true, pending.amountOre(),
                pending.attribution(), "agr-123", "PENDING", AT, AT, null);
        store.update(tenant, withId);
        assertThat(store.findByAgreement(tenant, "agr-123")).contains(withId);
        assertThat(store.findByAgreement(TenantId.of("other"), "agr-123")).isEmpty();
    }

    @Test
    void onlyActiveAgreementsDueByTheDayAreListedEarliestFirst() {
        store.create(tenant, agreement("dialog-agr-late", "agr-late", "ACTIVE", DEC_1.plusDays(1)));
        store.create(tenant, agreement("dialog-agr-today", "agr-today", "ACTIVE", DEC_1));
        store.create(tenant, agreement("dialog-agr-early", "agr-early", "ACTIVE", DEC_1.minusDays(3)));
        store.create(tenant, agreement("dialog-agr-pending", "agr-pending", "PENDING", DEC_1.minusDays(3)));
        store.create(tenant, agreement("dialog-agr-none", "agr-none", "ACTIVE", null));
        store.create(TenantId.of("other"), agreement("dialog-agr-other", "agr-other", "ACTIVE", DEC_1));

        assertThat(store.agreementsDueBy(tenant, DEC_1)).extracting(Started::reference)
                .containsExactly("dialog-agr-early", "dialog-agr-today");
    }

    @Test
    void aStoppedOrMovedAgreementLeavesOrMovesInTheDueList() {
        Started active = agreement("dialog-agr-0002", "agr-2", "ACTIVE", DEC_1);
        store.create(tenant, active);
        store.update(tenant, active.withNextChargeDue(DEC_1.plusMonths(1)));
        assertThat(store.agreementsDueBy(tenant, DEC_1)).isEmpty();
        assertThat(store.agreementsDueBy(tenant, DEC_1.plusMonths(1))).extracting(Started::nextChargeDue)
                .containsExactly(DEC_1.plusMonths(1));

        store.update(tenant, active.withNextChargeDue(DEC_1.plusMonths(1)).withState("STOPPED", AT));
        assertThat(store.agreementsDueBy(tenant, DEC_1.plusYears(1))).isEmpty();
        assertThat(store.findByAgreement(tenant, "agr-2").orElseThrow().state()).isEqualTo("STOPPED");
    }

    @Test
    void oneChargePerAgreementAndDueDateFoundByItsId() {
        Charge charge = new Charge("chr-1", "agr-3", "dialog-agr-0003", 15_000, DEC_1, "PENDING");
        assertThat(store.addCharge(tenant, charge)).isTrue();
        assertThat(store.addCharge(tenant, new Charge("chr-2", "agr-3", "dialog-agr-0003", 15_000, DEC_1, "PENDING")))
                .isFalse();
        assertThat(store.addCharge(tenant, new Charge("chr-3", "agr-3", "dialog-agr-0003", 15_000,
                DEC_1.plusMonths(1), "PENDING"))).isTrue();

        assertThat(store.findCharge(tenant, "chr-1")).contains(charge);
        assertThat(store.findCharge(tenant, "chr-2")).isEmpty();
        assertThat(store.findCharge(TenantId.of("other"), "chr-1")).isEmpty();

        Charge captured = new Charge("chr-1", "agr-3", "dialog-agr-0003", 15_000, DEC_1, "CHARGED");
        store.updateCharge(tenant, captured);
        assertThat(store.findCharge(tenant, "chr-1")).contains(captured);
        assertThatThrownBy(() -> store.updateCharge(tenant,
                new Charge("chr-9", "agr-9", "dialog-agr-0009", 1, DEC_1, "CHARGED")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agr-9");
    }
}
