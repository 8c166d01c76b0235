package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger against DynamoDB Local, in a table shaped as template.yaml's PaymentsTable. */
class DynamoDbPaymentLedgerTest {

    private static final TenantId TENANT = TenantId.of("redcross");
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbPaymentLedger ledger;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.payments(dynamoDb);
        ledger = new DynamoDbPaymentLedger(dynamoDb, table);
    }

    private static RegisteredPayment payment(String reference, String contactId, Instant at, Attribution attribution) {
        return new RegisteredPayment(PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, reference), PaymentKind.GIFT,
                PaymentSource.VIPPS_EPAYMENT, contactId, 25_000, at, reference, attribution, false);
    }

    @Test
    void anEntryIsWrittenOnceAndReadBackWholeUnsettled() {
        RegisteredPayment payment = payment("ref-once", "C-1", AT,
                new Attribution("christmas", 3, "ask", "B", "E-1"));
        assertThat(ledger.add(TENANT, payment)).isTrue();
        RegisteredPayment other = new RegisteredPayment(payment.paymentId(), PaymentKind.INVOICE,
                PaymentSource.OCR_GIRO, "C-2", 1, AT, "x", null, true);
        assertThat(ledger.add(TENANT, other)).isFalse();

        assertThat(ledger.find(TENANT, payment.paymentId())).contains(new PaymentLedger.Entry(payment, false));
        assertThat(ledger.find(TenantId.of("other"), payment.paymentId())).isEmpty();
    }

    @Test
    void anEntryWithoutAttributionOrForACandidateReadsBackAsWritten() {
        RegisteredPayment payment = new RegisteredPayment(PaymentIds.of(PaymentSource.VIPPS_APP, "don-1"),
                PaymentKind.GIFT, PaymentSource.VIPPS_APP, "candidate-abc", 10_000, AT.plusNanos(123_456_789),
                "don-1", null, true);
        ledger.add(TENANT, payment);
        assertThat(ledger.find(TENANT, payment.paymentId()).orElseThrow().payment()).isEqualTo(payment);
    }

    @Test
    void settlingMarksTheEntryAndNeverExpiresIt() {
        RegisteredPayment payment = payment("ref-settle", "C-3", AT, null);
        ledger.add(TENANT, payment);
        ledger.markSettled(TENANT, payment.paymentId());
        assertThat(ledger.find(TENANT, payment.paymentId()).orElseThrow().settled()).isTrue();
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("redcross#payment#" + payment.paymentId()),
                "sk", AttributeValue.fromS("entry")))).item();
        assertThat(item).doesNotContainKey("expiresAt");
        assertThat(item.get("amountOre").n()).isEqualTo("25000");
    }

    @Test
    void settlingAnUnknownEntryIsAnErrorNotANewItem() {
        assertThatThrownBy(() -> ledger.markSettled(TENANT, "vipps-epayment-unknown"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vipps-epayment-unknown");
        assertThat(ledger.find(TENANT, "vipps-epayment-unknown")).isEmpty();
    }

    @Test
    void aPersonsPaymentsComeNewestFirstEvenWithinOneSecond() {
        RegisteredPayment first = payment("p-1", "C-9", AT, null);
        RegisteredPayment within = payment("p-2", "C-9", AT.plusMillis(500), null);
        RegisteredPayment later = payment("p-3", "C-9", AT.plusSeconds(1), null);
        ledger.add(TENANT, within);
        ledger.add(TENANT, later);
        ledger.add(TENANT, first);
        ledger.add(TENANT, payment("p-4", "C-10", AT.plusSeconds(5), null));
        ledger.add(TenantId.of("other"), payment("p-5", "C-9", AT.plusSeconds(9), null));

        assertThat(ledger.forContact(TENANT, "C-9")).containsExactly(later, within, first);
        assertThat(ledger.forContact(TENANT, "C-none")).isEmpty();
    }

    @Test
    void aPersonsPaymentsAreReadAPageAtATimeNewestFirst() {
        List<RegisteredPayment> payments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            payments.add(payment("pg-" + i, "C-pages", AT.plusSeconds(i), null));
            ledger.add(TENANT, payments.get(i));
        }
        ledger.add(TenantId.of("other"), payment("pg-9", "C-pages", AT.plusSeconds(9), null));

        Page<RegisteredPayment> first = ledger.forContact(TENANT, "C-pages", PageRequest.first(3));
        Page<RegisteredPayment> second = ledger.forContact(TENANT, "C-pages", first.next().orElseThrow());

        assertThat(first.items()).containsExactly(payments.get(4), payments.get(3), payments.get(2));
        assertThat(second.items()).containsExactly(payments.get(1), payments.get(0));
        assertThat(second.next()).isEmpty();
        assertThat(ledger.forContact(TENANT, "C-pages", PageRequest.first(5)).next()).isEmpty();
        assertThatThrownBy(() -> ledger.forContact(TENANT, "C-pages", new PageRequest(3, "no-hash")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
