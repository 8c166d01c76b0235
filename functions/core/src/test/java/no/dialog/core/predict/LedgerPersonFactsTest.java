package no.dialog.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryPaymentLedger;
import org.junit.jupiter.api.Test;

class LedgerPersonFactsTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");

    private static Contact contact(String id) {
        return new Contact(id, Instant.parse("2026-11-01T00:00:00Z"), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static RegisteredPayment payment(String id, String contactId, PaymentSource source, PaymentKind kind,
                                             String receivedAt, boolean candidate) {
        return new RegisteredPayment(id, kind, source, contactId, 20_000, Instant.parse(receivedAt), null, null,
                candidate);
    }

    @Test
    void everyContactComesWithItsOwnPaymentsByOsloDayAndRegularChargesMarked() {
        var contacts = new InMemoryContactStore();
        var ledger = new InMemoryPaymentLedger();
        for (int i = 0; i < 300; i++) {
            contacts.upsert(TENANT, contact("c" + i));
            // 23:30 UTC on 31 October is 1 November in Oslo (CET, UTC+1).
            ledger.add(TENANT, payment("p" + i, "c" + i, PaymentSource.VIPPS_RECURRING, PaymentKind.GIFT,
                    "2026-10-31T23:30:00Z", false));
        }
        ledger.add(TENANT, payment("giro", "c7", PaymentSource.OCR_GIRO, PaymentKind.INVOICE, "2026-03-01T10:00:00Z", false));
        ledger.add(TENANT, payment("maybe", "c7", PaymentSource.VIPPS_APP, PaymentKind.GIFT, "2026-03-02T10:00:00Z", true));
        ledger.add(OTHER, payment("foreign", "c7", PaymentSource.VIPPS_APP, PaymentKind.GIFT, "2026-03-03T10:00:00Z", false));
        contacts.upsert(OTHER, contact("c7"));

        Map<String, PersonFacts> seen = new HashMap<>();
        new LedgerPersonFacts(contacts, ledger, 8).forEach(TENANT, facts -> {
            assertThat(seen.put(facts.contact().id(), facts)).as("each person once").isNull();
        });

        assertThat(seen).hasSize(300);
        assertThat(seen.get("c3").payments()).containsExactly(
                new PersonFacts.Payment(LocalDate.of(2026, 11, 1), 20_000, PaymentKind.GIFT, true));
        assertThat(seen.get("c7").payments()).containsExactlyInAnyOrder(
                new PersonFacts.Payment(LocalDate.of(2026, 11, 1), 20_000, PaymentKind.GIFT, true),
                new PersonFacts.Payment(LocalDate.of(2026, 3, 1), 20_000, PaymentKind.INVOICE, false));
        assertThat(seen.get("c7").messages()).isEmpty();
    }

    @Test
    void aFailedReadFailsTheWholePassInsteadOfLeavingSomeoneOut() {
        var contacts = new InMemoryContactStore();
        contacts.upsert(TENANT, contact("c1"));
        contacts.upsert(TENANT, contact("c2"));
        var ledger = new PaymentLedger() {
            @Override
            public boolean add(TenantId tenant, RegisteredPayment payment) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<Entry> find(TenantId tenant, String paymentId) {
                return java.util.Optional.empty();
            }

            @Override
            public void markSettled(TenantId tenant, String paymentId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<RegisteredPayment> forContact(TenantId tenant, String contactId) {
                if (contactId.equals("c2")) {
                    throw new IllegalStateException("throttled");
                }
                return List.of();
            }
        };
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> new LedgerPersonFacts(contacts, ledger, 2).forEach(TENANT, f -> seen.add(f.contact().id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("payments failed");
    }
}
