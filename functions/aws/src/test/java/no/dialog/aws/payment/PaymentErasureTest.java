package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.vipps.VippsPaymentStore.Started;
import no.dialog.core.privacy.ErasureSubject;
import no.dialog.core.privacy.HmacPseudonyms;
import no.dialog.core.privacy.Pseudonyms;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The payments table forgets a person, against DynamoDB Local: ledger entries and Vipps starts keep the
 * accounting fields under a pseudonym, giver candidates and unmatched payments of their phone number go, and
 * nobody else's items change.
 */
class PaymentErasureTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PHONE = "+4799887766";
    private static final Pseudonyms PSEUDONYMS = new HmacPseudonyms(
            () -> "the-pseudonym-key-of-this-test-is-long-enough".getBytes(StandardCharsets.UTF_8));
    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.payments(dynamoDb);
    }

    private static List<Map<String, AttributeValue>> scan() {
        return dynamoDb.scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }

    private static RegisteredPayment gift(String contactId, String reference) {
        return new RegisteredPayment(PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, reference), PaymentKind.GIFT, PaymentSource.VIPPS_EPAYMENT,
                contactId, 25_000, NOW, reference, new Attribution("christmas", 2, "ask", "A", "E-" + contactId), false);
    }

    @Test
    void theLedgerAndVippsStartsKeepTheAccountingFieldsUnderAPseudonymTheOrganisationCanFindAgain() {
        DynamoDbPaymentLedger ledger = new DynamoDbPaymentLedger(dynamoDb, table);
        DynamoDbVippsPaymentStore vipps = new DynamoDbVippsPaymentStore(dynamoDb, table);
        ledger.add(DEMO, gift("ER-P1", "ref-1"));
        ledger.add(DEMO, gift("ER-P1", "ref-2"));
        ledger.add(DEMO, gift("ER-P2", "ref-3"));
        ledger.add(TenantId.of("other"), gift("ER-P1", "ref-4"));
        String settled = PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, "ref-1");
        ledger.markSettled(DEMO, settled);
        vipps.create(DEMO, new Started("ref-1", "ER-P1", false, 25_000,
                new Attribution("christmas", 2, "ask", "A", "E-ER-P1"), null, "CREATED", NOW, NOW, null));
        DynamoDbPaymentErasure erasure = new DynamoDbPaymentErasure(dynamoDb, table, PSEUDONYMS, CLOCK);

        assertThat(erasure.erase(DEMO, "ER-P1")).isEqualTo(3);
        assertThat(erasure.erase(DEMO, "ER-P1")).as("again: nothing names the person").isZero();

        assertThat(ledger.forContact(DEMO, "ER-P1")).isEmpty();
        String pseudonym = PSEUDONYMS.of(DEMO, "ER-P1");
        List<RegisteredPayment> kept = ledger.forContact(DEMO, pseudonym);
        assertThat(kept).extracting(RegisteredPayment::reference).containsExactlyInAnyOrder("ref-1", "ref-2");
        assertThat(kept).allSatisfy(payment -> {
            assertThat(payment.contactId()).isEqualTo(pseudonym);
            assertThat(payment.amountOre()).isEqualTo(25_000);
            assertThat(payment.receivedAt()).isEqualTo(NOW);
            assertThat(payment.source()).isEqualTo(PaymentSource.VIPPS_EPAYMENT);
            assertThat(payment.attribution()).isEqualTo(new Attribution("christmas", 2, "ask", "A", null));
        });
        assertThat(ledger.find(DEMO, settled).orElseThrow().settled()).as("settled stays").isTrue();
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_EPAYMENT, "ref-2")).orElseThrow().settled())
                .isFalse();
        Started start = vipps.find(DEMO, "ref-1").orElseThrow();
        assertThat(start.contactId()).isEqualTo(pseudonym);
        assertThat(start.amountOre()).isEqualTo(25_000);
        assertThat(start.attribution().enrolmentId()).isNull();
        String demo = scan().stream().filter(item -> item.get("pk").s().startsWith("demo#")).toList().toString();
        assertThat(demo).doesNotContain("=ER-P1)", "#ER-P1)", "E-ER-P1").contains("=ER-P2)");
        assertThat(ledger.forContact(DEMO, "ER-P2")).hasSize(1);
        assertThat(ledger.forContact(TenantId.of("other"), "ER-P1")).as("another organisation's person").hasSize(1);
    }

    @Test
    void giverCandidatesAndUnmatchedPaymentsOfThePersonsNumberGo() {
        DynamoDbGiverCandidates candidates = new DynamoDbGiverCandidates(dynamoDb, table);
        DynamoDbUnmatchedPayments unmatched = new DynamoDbUnmatchedPayments(dynamoDb, table);
        TenantId tenant = TenantId.of("unmatched");
        candidates.findOrCreate(tenant, PHONE, "Unikfrida Slettesen", List.of(), NOW);
        candidates.findOrCreate(tenant, "+4791111111", "Ola", List.of(), NOW);
        UnmatchedPayment open = vippsGift("v-1", "+47 998 87 766", "Unikfrida Slettesen");
        UnmatchedPayment decided = vippsGift("v-2", PHONE, "U. Slettesen");
        unmatched.add(tenant, open);
        unmatched.add(tenant, decided);
        unmatched.update(tenant, new UnmatchedPayment(decided.paymentId(), decided.source(), decided.reference(),
                decided.kind(), decided.amountOre(), decided.receivedAt(), decided.payer(), decided.message(),
                "rejected", null));
        unmatched.add(tenant, vippsGift("v-3", "+4791111111", "Ola"));
        // Written before the index key existed: found through the open list.
        UnmatchedPayment old = vippsGift("v-4", PHONE, "Unikfrida");
        unmatched.add(tenant, old);
        dynamoDb.updateItem(b -> b.tableName(table).key(PaymentItems.key(DynamoDbUnmatchedPayments.pk(tenant,
                old.paymentId()), "unmatched")).updateExpression("REMOVE contactKey"));
        ErasureSubject subject = new ErasureSubject("ER-P3", Set.of(PHONE), Set.of("unikfrida@example.no"));

        assertThat(new DynamoDbGiverCandidateErasure(dynamoDb, table).erase(tenant, subject)).isEqualTo(1);
        assertThat(new DynamoDbUnmatchedPaymentErasure(dynamoDb, table).erase(tenant, subject)).isEqualTo(3);
        assertThat(new DynamoDbGiverCandidateErasure(dynamoDb, table).erase(tenant, subject)).isZero();
        assertThat(new DynamoDbUnmatchedPaymentErasure(dynamoDb, table).erase(tenant, subject)).isZero();
        assertThat(new DynamoDbUnmatchedPaymentErasure(dynamoDb, table).erase(tenant, "ER-P3"))
                .as("by contact id alone there is no number to find").isZero();

        String left = scan().stream().filter(item -> item.get("pk").s().startsWith("unmatched#")).toList().toString();
        assertThat(left).doesNotContain("99887766", "Slettesen", "Unikfrida").contains("Ola");
        assertThat(unmatched.find(tenant, open.paymentId())).isEmpty();
        assertThat(unmatched.find(tenant, PaymentIds.of(PaymentSource.VIPPS_APP, "v-3"))).isPresent();
    }

    private static UnmatchedPayment vippsGift(String reference, String phone, String name) {
        return UnmatchedPayment.open(new IncomingPayment(PaymentSource.VIPPS_APP, reference, PaymentKind.GIFT, 10_000,
                NOW, null, new Payer(name, phone, null), null, "Fra " + name));
    }
}
