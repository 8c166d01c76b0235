package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Payments waiting for staff, against DynamoDB Local, one PaymentsTable, a tenant per test. */
class DynamoDbUnmatchedPaymentsTest {

    private static String table;
    /** A tenant of each test's own, so the lists one test reads hold only its items. */
    private TenantId tenant;
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private DynamoDbUnmatchedPayments unmatched;

    @BeforeAll
    static void createTable() {
        table = TestTables.payments(SharedEmulators.get().dynamoDb());
    }

    @BeforeEach
    void tenantOfItsOwn(TestInfo test) {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        unmatched = new DynamoDbUnmatchedPayments(dynamoDb, table);
        tenant = TenantId.of("t" + Integer.toHexString(test.getDisplayName().hashCode()));
    }

    private static UnmatchedPayment giro(String line, Instant at) {
        return UnmatchedPayment.open(new IncomingPayment(PaymentSource.OCR_GIRO, "file-7/" + line, PaymentKind.GIFT,
                50_000, at, null, new Payer("Kari Nordmann", null, "12345678903"), null, "Til julegaven"));
    }

    @Test
    void aPaymentIsKeptOnceAndReadBackWhole() {
        UnmatchedPayment payment = giro("1", AT);
        assertThat(unmatched.add(tenant, payment)).isTrue();
        assertThat(unmatched.add(tenant, payment)).isFalse();
        assertThat(unmatched.find(tenant, payment.paymentId())).contains(payment);
        assertThat(unmatched.find(TenantId.of("other"), payment.paymentId())).isEmpty();
    }

    @Test
    void openPaymentsAreListedNewestFirstUpToTheLimit() {
        UnmatchedPayment oldest = giro("1", AT);
        UnmatchedPayment middle = giro("2", AT.plusMillis(1));
        UnmatchedPayment newest = giro("3", AT.plusSeconds(3600));
        unmatched.add(tenant, middle);
        unmatched.add(tenant, newest);
        unmatched.add(tenant, oldest);
        unmatched.add(TenantId.of("other"), giro("4", AT.plusSeconds(7200)));

        assertThat(unmatched.open(tenant, 10)).containsExactly(newest, middle, oldest);
        assertThat(unmatched.open(tenant, 2)).containsExactly(newest, middle);
        assertThatThrownBy(() -> unmatched.open(tenant, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionTakesThePaymentOffTheOpenList() {
        UnmatchedPayment first = giro("1", AT);
        UnmatchedPayment second = giro("2", AT.plusSeconds(1));
        unmatched.add(tenant, first);
        unmatched.add(tenant, second);

        UnmatchedPayment confirmed = new UnmatchedPayment(first.paymentId(), first.source(), first.reference(),
                first.kind(), first.amountOre(), first.receivedAt(), first.payer(), first.message(), "confirmed",
                "christmas");
        unmatched.update(tenant, confirmed);

        assertThat(unmatched.open(tenant, 10)).containsExactly(second);
        assertThat(unmatched.find(tenant, first.paymentId())).contains(confirmed);
        assertThatThrownBy(() -> unmatched.update(tenant, giro("9", AT)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDecidedPaymentsPayerDetailsExpireNinetyDaysAfterTheDecisionAndAnOpenOneNever() {
        java.time.Clock decidedAt = java.time.Clock.fixed(AT.plusSeconds(3600), java.time.ZoneOffset.UTC);
        DynamoDbUnmatchedPayments store = new DynamoDbUnmatchedPayments(SharedEmulators.get().dynamoDb(), table, decidedAt);
        UnmatchedPayment open = giro("1", AT);
        UnmatchedPayment other = giro("2", AT);
        store.add(tenant, open);
        store.add(tenant, other);

        store.update(tenant, new UnmatchedPayment(open.paymentId(), open.source(), open.reference(), open.kind(),
                open.amountOre(), open.receivedAt(), open.payer(), open.message(), "rejected", null));

        assertThat(expiresAt(open.paymentId())).isEqualTo(Long.toString(
                AT.plusSeconds(3600).plus(java.time.Duration.ofDays(90)).getEpochSecond()));
        assertThat(expiresAt(other.paymentId())).as("still open").isNull();
    }

    private String expiresAt(String paymentId) {
        var item = SharedEmulators.get().dynamoDb().getItem(b -> b.tableName(table).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        DynamoDbUnmatchedPayments.pk(tenant, paymentId)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("unmatched")))).item();
        return item.containsKey("expiresAt") ? item.get("expiresAt").n() : null;
    }

    @Test
    void theOpenListIsReadAPageAtATimeNewestFirstAndADecisionMeanwhileDropsOut() {
        UnmatchedPayment[] payments = new UnmatchedPayment[5];
        for (int i = 0; i < 5; i++) {
            payments[i] = giro("p" + i, AT.plusSeconds(i));
            unmatched.add(tenant, payments[i]);
        }

        Page<UnmatchedPayment> first = unmatched.open(tenant, PageRequest.first(2));
        UnmatchedPayment decided = payments[2];
        unmatched.update(tenant, new UnmatchedPayment(decided.paymentId(), decided.source(), decided.reference(),
                decided.kind(), decided.amountOre(), decided.receivedAt(), decided.payer(), decided.message(), "rejected", null));
        Page<UnmatchedPayment> second = unmatched.open(tenant, first.next().orElseThrow());

        assertThat(first.items()).containsExactly(payments[4], payments[3]);
        assertThat(second.items()).containsExactly(payments[1], payments[0]);
        assertThat(second.next()).isEmpty();
        assertThatThrownBy(() -> unmatched.open(tenant, new PageRequest(2, "no-hash-here")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
