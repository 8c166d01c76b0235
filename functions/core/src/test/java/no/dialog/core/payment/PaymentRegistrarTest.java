package no.dialog.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryGiverCandidates;
import no.dialog.core.testing.InMemoryPaymentLedger;
import no.dialog.core.testing.RecordingPaymentEvents;
import no.dialog.core.testing.RecordingResponses;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class PaymentRegistrarTest {

    private static final TenantId DEMO = new TenantId("demo");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final RecordingResponses responses = new RecordingResponses();
    private final RecordingPaymentEvents events = new RecordingPaymentEvents();
    private final PaymentRegistrar registrar = new PaymentRegistrar(ledger, new InMemoryGiverCandidates(), contacts,
            responses, events, new SettableClock(NOW));

    private static Contact person(String id, String phone, DonorFacts donor) {
        return new Contact(id, Instant.parse("2026-01-01T00:00:00Z"), "Kari", "Nordmann", null, phone, null, null,
                List.of(), donor, List.of(), List.of(), List.of(), Map.of(), null, Map.of());
    }

    private static IncomingPayment appGift(String reference, String phone, long amountOre) {
        return new IncomingPayment(PaymentSource.VIPPS_APP, reference, PaymentKind.GIFT, amountOre,
                NOW.minusSeconds(600), null, new Payer("Kari Nordmann", phone, null), null, "Til barna");
    }

    @Test
    void aGiftFromAKnownPhoneIsRegisteredOnceAgainstThatPerson() {
        contacts.upsert(DEMO, person("c-1", "+4791234567", null));

        PaymentRegistrar.Registration first = registrar.register(DEMO, appGift("don-1", "91234567", 25_000));
        PaymentRegistrar.Registration again = registrar.register(DEMO, appGift("don-1", "91234567", 25_000));

        assertThat(first.identification()).isEqualTo(PaymentRegistrar.Identification.PHONE);
        assertThat(first.payment().contactId()).isEqualTo("c-1");
        assertThat(again.identification()).isEqualTo(PaymentRegistrar.Identification.ALREADY_REGISTERED);
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(responses.published).hasSize(1);
        Signal paid = responses.published.get(0);
        assertThat(paid.type()).isEqualTo("paid");
        assertThat(paid.attributes()).containsEntry("amountOre", "25000").containsEntry("kind", "gift")
                .containsEntry("source", "vipps-app");
        assertThat(events.types()).containsExactly("GiftReceived");
        assertThat(events.published.get(0).detail().path("payer").isMissingNode()).isTrue();
        DonorFacts donor = contacts.find(DEMO, "c-1").orElseThrow().donor();
        assertThat(donor.lastGiftDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(donor.lastGiftAmountOre()).isEqualTo(25_000);
    }

    @Test
    void anUnknownPhoneBecomesACandidateNotAGuess() {
        PaymentRegistrar.Registration first = registrar.register(DEMO, appGift("don-1", "+4798765432", 10_000));
        PaymentRegistrar.Registration second = registrar.register(DEMO, appGift("don-2", "+4798765432", 5_000));

        assertThat(first.identification()).isEqualTo(PaymentRegistrar.Identification.NEW_GIVER);
        assertThat(first.payment().candidate()).isTrue();
        assertThat(second.payment().contactId()).isEqualTo(first.payment().contactId());
        Contact candidate = contacts.find(DEMO, first.payment().contactId()).orElseThrow();
        assertThat(candidate.phone()).isEqualTo("+4798765432");
        assertThat(candidate.firstName()).isEqualTo("Kari");
        assertThat(candidate.attributes()).containsEntry("giverCandidate", true);
        assertThat(events.types()).containsExactly("GiverCandidateFound", "GiftReceived", "GiftReceived");
        assertThat(events.published.get(1).detail().path("payer").path("phone").asText()).isEqualTo("+4798765432");
    }

    @Test
    void twoContactsWithTheSamePhoneAreNotGuessedBetween() {
        contacts.upsert(DEMO, person("c-1", "+4791234567", null));
        contacts.upsert(DEMO, person("c-2", "+4791234567", null));

        PaymentRegistrar.Registration registration = registrar.register(DEMO, appGift("don-1", "+4791234567", 10_000));

        assertThat(registration.identification()).isEqualTo(PaymentRegistrar.Identification.AMBIGUOUS);
        assertThat(registration.payment().contactId()).startsWith("candidate-");
        assertThat(events.published.get(0).detail().path("matchingContacts").asInt()).isEqualTo(2);
    }

    @Test
    void aRegistrationCutOffBeforeItsEffectsIsFinishedByTheNextDelivery() {
        contacts.upsert(DEMO, person("c-1", "+4791234567", null));
        events.failNext();

        assertThatThrownBy(() -> registrar.register(DEMO, appGift("don-1", "+4791234567", 10_000)))
                .isInstanceOf(IllegalStateException.class);
        PaymentRegistrar.Registration retried = registrar.register(DEMO, appGift("don-1", "+4791234567", 10_000));

        assertThat(retried.isNew()).isTrue();
        assertThat(events.types()).containsExactly("GiftReceived");
        assertThat(ledger.find(DEMO, retried.payment().paymentId()).orElseThrow().settled()).isTrue();
        // The response went out on both attempts with the same id: journeys ignore the repeat by its id.
        assertThat(responses.published).extracting(Signal::signalId).containsOnly("paid:" + retried.payment().paymentId());
    }

    @Test
    void anInvoicePaymentIsKeptApartAndLeavesGiftFactsAlone() {
        contacts.upsert(DEMO, person("c-1", "+4791234567", null));
        IncomingPayment fee = new IncomingPayment(PaymentSource.OCR_GIRO, "ocr-1:7", PaymentKind.INVOICE, 45_000, NOW,
                "c-1", null, Attribution.journey("renewal"), null);

        PaymentRegistrar.Registration registration = registrar.register(DEMO, fee);

        assertThat(registration.payment().kind()).isEqualTo(PaymentKind.INVOICE);
        assertThat(events.types()).containsExactly("PaymentReceived");
        assertThat(responses.published.get(0).attributes()).containsEntry("kind", "invoice");
        assertThat(responses.published.get(0).journeyId()).isEqualTo("renewal");
        assertThat(contacts.find(DEMO, "c-1").orElseThrow().donor()).isNull();
    }

    @Test
    void anOlderGiftDoesNotReplaceTheLastGift() {
        contacts.upsert(DEMO, person("c-1", "+4791234567",
                new DonorFacts(false, null, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 24), 99_900L, null, 3)));

        registrar.register(DEMO, appGift("don-1", "+4791234567", 10_000));

        DonorFacts donor = contacts.find(DEMO, "c-1").orElseThrow().donor();
        assertThat(donor.lastGiftDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(donor.lastGiftAmountOre()).isEqualTo(99_900);
        assertThat(donor.giftCount()).isEqualTo(3);
    }

    @Test
    void aPaymentWithNeitherContactNorPhoneIsRefused() {
        IncomingPayment anonymous = new IncomingPayment(PaymentSource.VIPPS_APP, "don-1", PaymentKind.GIFT, 100, NOW,
                null, null, null, null);

        assertThatThrownBy(() -> registrar.register(DEMO, anonymous)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("+47");
        assertThat(ledger.size()).isZero();
    }

    @Test
    void paymentIdsAreStableAndCarryNoReference() {
        String id = PaymentIds.of(PaymentSource.OCR_GIRO, "12345678903:line 7");
        assertThat(id).isEqualTo(PaymentIds.of(PaymentSource.OCR_GIRO, "12345678903:line 7"))
                .startsWith("ocr-giro-").doesNotContain("12345678903")
                .isNotEqualTo(PaymentIds.of(PaymentSource.VIPPS_APP, "12345678903:line 7"));
    }
}
