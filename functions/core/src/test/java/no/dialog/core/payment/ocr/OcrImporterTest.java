package no.dialog.core.payment.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.KidMethod;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryGiverCandidates;
import no.dialog.core.testing.InMemoryOcrImports;
import no.dialog.core.testing.InMemoryPaymentLedger;
import no.dialog.core.testing.InMemoryTenantNumbers;
import no.dialog.core.testing.InMemoryUnmatchedPayments;
import no.dialog.core.testing.RecordingPaymentEvents;
import no.dialog.core.testing.RecordingResponses;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcrImporterTest {

    private static final TenantId DEMO = new TenantId("demo");
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final Map<TenantId, Tenant> tenants = new HashMap<>();
    private final InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final RecordingResponses responses = new RecordingResponses();
    private final RecordingPaymentEvents events = new RecordingPaymentEvents();
    private final InMemoryTenantNumbers numbers = new InMemoryTenantNumbers();
    private final InMemoryUnmatchedPayments unmatched = new InMemoryUnmatchedPayments();
    private final InMemoryOcrImports imports = new InMemoryOcrImports();
    private final SettableClock clock = new SettableClock(NOW);
    private final OcrImporter importer = new OcrImporter(directory(), numbers,
            new PaymentRegistrar(ledger, new InMemoryGiverCandidates(), contacts, responses, events, clock),
            unmatched, imports, clock);

    @BeforeEach
    void numberThePeopleAndStepsTheFixturesName() {
        tenant("MOD10", OcrFixtures.INVOICE_ACCOUNT + ", 99999999999");
        assertThat(numbers.contactNumber(DEMO, "c-1")).isEqualTo(1);
        assertThat(numbers.contactNumber(DEMO, "c-2")).isEqualTo(2);
        assertThat(numbers.stepNumber(DEMO, "autumn-appeal", 1, "letter")).isEqualTo(1);
        assertThat(numbers.stepNumber(DEMO, "membership-2027", 2, "invoice-letter")).isEqualTo(2);
        contacts.upsert(DEMO, person("c-1"));
        contacts.upsert(DEMO, person("c-2"));
    }

    @Test
    void paymentsWithDialogsKidsAreRegisteredWithTheirStepAndTheRestWaitForMatching() {
        OcrImportReport report = importer.importFile(DEMO, "ocr/giro-mod10.ocr", OcrFixtures.load(OcrFixtures.GOOD_MOD10));

        assertThat(report.status()).isEqualTo(OcrImportReport.Status.IMPORTED);
        assertThat(report.transmissionNumber()).isEqualTo("1000081");
        assertThat(report.registered()).isEqualTo(3);
        assertThat(report.alreadyRegistered()).isZero();
        assertThat(report.unmatched()).isEqualTo(4);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.totalAmountOre()).isEqualTo(230_000);
        assertThat(report.registeredAmountOre()).isEqualTo(25_000 + 50_000 + 60_000);
        assertThat(report.items()).extracting(OcrImportReport.Item::line, OcrImportReport.Item::outcome,
                OcrImportReport.Item::why).containsExactly(
                tuple(3, OcrImportReport.Outcome.REGISTERED, null),
                tuple(5, OcrImportReport.Outcome.REGISTERED, null),
                tuple(7, OcrImportReport.Outcome.UNMATCHED, "no KID"),
                tuple(10, OcrImportReport.Outcome.UNMATCHED, "invalid KID"),
                tuple(12, OcrImportReport.Outcome.UNMATCHED, "unknown KID"),
                tuple(14, OcrImportReport.Outcome.UNMATCHED, "invalid KID"),
                tuple(18, OcrImportReport.Outcome.REGISTERED, null),
                tuple(20, OcrImportReport.Outcome.SKIPPED, "reversal"));

        RegisteredPayment gift = payment("1000081:0000001:0000001");
        assertThat(gift.contactId()).isEqualTo("c-1");
        assertThat(gift.kind()).isEqualTo(PaymentKind.GIFT);
        assertThat(gift.source()).isEqualTo(PaymentSource.OCR_GIRO);
        assertThat(gift.amountOre()).isEqualTo(25_000);
        assertThat(gift.receivedAt()).as("noon in Oslo (UTC+1 in November)").isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(gift.attribution()).isEqualTo(new Attribution("autumn-appeal", 1, "letter", null, null));
        assertThat(gift.candidate()).isFalse();
        assertThat(payment("1000081:0000001:0000002").contactId()).isEqualTo("c-2");
        assertThat(payment("1000081:0000001:0000002").receivedAt()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));

        RegisteredPayment fee = payment("1000081:0000002:0000001");
        assertThat(fee.kind()).as("the invoice account").isEqualTo(PaymentKind.INVOICE);
        assertThat(fee.attribution()).isEqualTo(new Attribution("membership-2027", 2, "invoice-letter", null, null));

        assertThat(ledger.size()).isEqualTo(3);
        assertThat(responses.published).extracting(s -> s.type()).containsOnly("paid");
        assertThat(responses.published.get(0).journeyId()).isEqualTo("autumn-appeal");
        assertThat(responses.published.get(0).attributes()).containsEntry("amountOre", "25000")
                .containsEntry("source", "ocr-giro");
        assertThat(events.types()).containsExactly("GiftReceived", "GiftReceived", "PaymentReceived");
        assertThat(contacts.find(DEMO, "c-1").orElseThrow().donor().lastGiftDate()).isEqualTo(LocalDate.of(2026, 11, 27));

        UnmatchedPayment noKid = unmatched.find(DEMO, PaymentIds.of(PaymentSource.OCR_GIRO, "1000081:0000001:0000003"))
                .orElseThrow();
        assertThat(noKid.status()).isEqualTo("open");
        assertThat(noKid.kind()).isEqualTo(PaymentKind.GIFT);
        assertThat(noKid.amountOre()).isEqualTo(10_000);
        assertThat(noKid.message()).isEqualTo(OcrFixtures.MESSAGE);
        assertThat(noKid.payer().account()).isEqualTo(OcrFixtures.PAYER_ACCOUNT);
        assertThat(noKid.receivedAt()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(unmatched.size()).isEqualTo(4);
        assertThat(ledger.find(DEMO, noKid.paymentId())).as("not registered").isEmpty();
    }

    @Test
    void theSameFileTwiceRegistersNothingNew() {
        byte[] content = OcrFixtures.load(OcrFixtures.GOOD_MOD10);
        importer.importFile(DEMO, "a.ocr", content);

        OcrImportReport again = importer.importFile(DEMO, "a.ocr", content);
        OcrImportReport sameTransmission = importer.importFile(DEMO, "b.ocr", OcrFixtures.goodMod10().bytes("\n"));

        assertThat(again.status()).isEqualTo(OcrImportReport.Status.ALREADY_IMPORTED);
        assertThat(again.transmissionNumber()).isEqualTo("1000081");
        assertThat(again.registered()).isZero();
        assertThat(sameTransmission.status()).as("other bytes, same transmission number")
                .isEqualTo(OcrImportReport.Status.ALREADY_IMPORTED);
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(unmatched.size()).isEqualTo(4);
        assertThat(responses.published).hasSize(3);
        assertThat(events.published).hasSize(3);
        assertThat(imports.begun).hasSize(1);
    }

    @Test
    void anImportCutOffIsFinishedByTheNextWithoutRegisteringTwice() {
        byte[] content = OcrFixtures.load(OcrFixtures.GOOD_MOD10);
        events.failNext();
        assertThatThrownBy(() -> importer.importFile(DEMO, "a.ocr", content)).isInstanceOf(IllegalStateException.class);
        assertThat(imports.finishedCount()).isZero();

        OcrImportReport retried = importer.importFile(DEMO, "a.ocr", content);

        assertThat(retried.status()).isEqualTo(OcrImportReport.Status.IMPORTED);
        assertThat(retried.registered()).as("the first one finished now").isEqualTo(3);
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.OCR_GIRO, "1000081:0000001:0000001")))
                .map(PaymentLedger.Entry::settled).contains(true);
        assertThat(events.types()).containsExactly("GiftReceived", "GiftReceived", "PaymentReceived");
        assertThat(imports.finishedCount()).isEqualTo(1);
    }

    @Test
    void paymentsTheLedgerHoldsAreCountedAsAlreadyRegistered() {
        OcrFileBuilder first = new OcrFileBuilder("2000001", LocalDate.of(2026, 11, 27));
        first.assignment("0000001", OcrFixtures.GIFT_ACCOUNT).payment("19", 10_000, OcrFixtures.kid(1, 1,
                no.dialog.core.payment.KidMethod.MOD10));
        importer.importFile(DEMO, "first.ocr", first.bytes());
        imports.forget();

        OcrImportReport again = importer.importFile(DEMO, "first.ocr", first.bytes());

        assertThat(again.status()).isEqualTo(OcrImportReport.Status.IMPORTED);
        assertThat(again.registered()).isZero();
        assertThat(again.alreadyRegistered()).isEqualTo(1);
        assertThat(again.items()).extracting(OcrImportReport.Item::outcome)
                .containsExactly(OcrImportReport.Outcome.ALREADY_REGISTERED);
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(responses.published).hasSize(1);
    }

    @Test
    void aCorruptFileRegistersNothingAndSaysWhere() {
        OcrImportReport report = importer.importFile(DEMO, "ocr/giro-corrupt.ocr", OcrFixtures.load(OcrFixtures.CORRUPT));

        assertThat(report.status()).isEqualTo(OcrImportReport.Status.REJECTED);
        assertThat(report.fileName()).isEqualTo("ocr/giro-corrupt.ocr");
        assertThat(report.transmissionNumber()).isNull();
        assertThat(report.errors()).extracting(OcrError::line).containsExactly(7, 9);
        assertThat(ledger.size()).isZero();
        assertThat(unmatched.size()).isZero();
        assertThat(responses.published).isEmpty();
        assertThat(events.published).isEmpty();
        assertThat(imports.begun).as("a corrected file may come with the same transmission number").isEmpty();
        assertThat(report.toJson()).contains("\"status\" : \"REJECTED\"").contains("\"line\" : 9")
                .contains("amount (positions 33-49) must be digits");
    }

    @Test
    void aMod11TenantRegistersMod11KidsAndSkipsAvtaleGiroClaims() {
        tenant("MOD11", null);

        OcrImportReport report = importer.importFile(DEMO, "giro-mod11.ocr", OcrFixtures.load(OcrFixtures.GOOD_MOD11));

        assertThat(report.registered()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.items().get(2).why()).isEqualTo("AvtaleGiro claim");
        assertThat(payment("1000082:0000001:0000001").contactId()).isEqualTo("c-1");
        assertThat(payment("1000082:0000001:0000002").contactId()).isEqualTo("c-2");
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void withoutInvoiceAccountsEveryPaymentIsAGift() {
        tenant("MOD10", null);

        importer.importFile(DEMO, "giro-mod10.ocr", OcrFixtures.load(OcrFixtures.GOOD_MOD10));

        assertThat(payment("1000081:0000002:0000001").kind()).isEqualTo(PaymentKind.GIFT);
    }

    @Test
    void theReportHoldsNoAccountsMessagesOrKids() {
        OcrImportReport report = importer.importFile(DEMO, "giro-mod10.ocr", OcrFixtures.load(OcrFixtures.GOOD_MOD10));

        assertThat(report.toJson()).contains("\"registered\" : 3").contains("1000081:0000001:0000003")
                .doesNotContain(OcrFixtures.PAYER_ACCOUNT).doesNotContain("Ørland").doesNotContain("000000001000108");
    }

    @Test
    void wrongSettingsAndUnknownTenantsStopBeforeAnythingIsRegistered() {
        tenant("MOD10", "1503.00.12345");
        byte[] content = OcrFixtures.load(OcrFixtures.GOOD_MOD10);

        assertThatThrownBy(() -> importer.importFile(DEMO, "a.ocr", content)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(OcrImporter.INVOICE_ACCOUNTS_SETTING);
        assertThatThrownBy(() -> importer.importFile(new TenantId("nobody"), "a.ocr", content))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("unknown tenant");
        assertThat(imports.begun).isEmpty();
        assertThat(ledger.size()).isZero();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private RegisteredPayment payment(String reference) {
        return ledger.find(DEMO, PaymentIds.of(PaymentSource.OCR_GIRO, reference)).orElseThrow().payment();
    }

    private void tenant(String kidMethod, String invoiceAccounts) {
        Map<String, String> settings = new HashMap<>();
        settings.put(KidMethod.SETTING, kidMethod);
        if (invoiceAccounts != null) {
            settings.put(OcrImporter.INVOICE_ACCOUNTS_SETTING, invoiceAccounts);
        }
        tenants.put(DEMO, new Tenant(DEMO, "Demo", NOW, settings));
    }

    private TenantDirectory directory() {
        return new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return Optional.ofNullable(tenants.get(id));
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                return tenants.putIfAbsent(tenant.id(), tenant) == null;
            }

            @Override
            public List<TenantId> all() {
                return List.copyOf(tenants.keySet());
            }
        };
    }

    private static Contact person(String id) {
        return new Contact(id, Instant.parse("2026-01-01T00:00:00Z"), "Kari", "Nordmann", null, null, null, null,
                List.of(), null, List.of(), List.of(), List.of(), Map.of(), null, Map.of());
    }
}
