package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryGiverCandidates;
import no.dialog.core.testing.InMemoryMatchEvidence;
import no.dialog.core.testing.InMemoryPaymentLedger;
import no.dialog.core.testing.InMemoryUnmatchedPayments;
import no.dialog.core.testing.RecordingPaymentEvents;
import no.dialog.core.testing.RecordingResponses;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class PaymentMatchesTest {

    private static final TenantId DEMO = new TenantId("demo");
    private static final Instant PAID = Instant.parse("2026-11-30T10:00:00Z");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    private final RecordingResponses responses = new RecordingResponses();
    private final RecordingPaymentEvents events = new RecordingPaymentEvents();
    private final InMemoryUnmatchedPayments unmatched = new InMemoryUnmatchedPayments();
    private final InMemoryMatchEvidence evidence = new InMemoryMatchEvidence(DEMO)
            .campaign(new CampaignJourney("julegave", "Julegave 2026", List.of()))
            .campaign(new CampaignJourney("bronn", "Vannbrønner", List.of()))
            .otherJourney(new CampaignJourney("sommer", "Sommeraksjon 2026", List.of()));
    private final PaymentRegistrar registrar = new PaymentRegistrar(ledger, new InMemoryGiverCandidates(), contacts,
            responses, events, new SettableClock(PAID.plusSeconds(3600)));
    private final PaymentMatches matches = new PaymentMatches(unmatched,
            new EvidenceCollector(new ContactsPayerLookup(contacts), evidence, MatchWeights.DEFAULT),
            new PaymentMatcher(), evidence, contacts, ledger, registrar);

    private void person(String id, String first, String last, String phone, String account) {
        Map<String, Object> attributes = account == null ? Map.of() : Map.of(PayerLookup.ACCOUNT_ATTRIBUTE, account);
        contacts.upsert(DEMO, new Contact(id, Instant.parse("2026-01-01T00:00:00Z"), first, last, null, phone, null,
                null, List.of(), null, List.of(), List.of(), List.of(), Map.of(), null, attributes));
    }

    private void sent(String journeyId, String contactId, int daysBefore) {
        evidence.sent(new RecentSend(journeyId, contactId, SendChannel.LETTER, PAID.minus(Duration.ofDays(daysBefore)),
                List.of(50_000L)));
    }

    /** A giro line without a KID, waiting. */
    private String waiting(String reference, Payer payer, String message) {
        UnmatchedPayment payment = new UnmatchedPayment(PaymentIds.of(PaymentSource.OCR_GIRO, reference),
                PaymentSource.OCR_GIRO, reference, PaymentKind.GIFT, 50_000, PAID, payer, message, "open", null);
        unmatched.add(DEMO, payment);
        return payment.paymentId();
    }

    @Test
    void openPaymentsComeWithTheirSuggestions() {
        person("c-1", "Kari", "Nordmann", null, "12345678903");
        sent("julegave", "c-1", 4);
        String id = waiting("file-1:line-3", new Payer("Kari Nordmann", null, "1234.56.78903"), null);

        List<PaymentMatches.Review> open = matches.open(DEMO, 10);

        assertThat(open).hasSize(1);
        assertThat(open.get(0).payment().paymentId()).isEqualTo(id);
        assertThat(open.get(0).suggestions()).extracting(MatchSuggestion::journeyId).containsExactly("julegave");
        assertThat(open.get(0).suggestions().get(0).reasons()).extracting(MatchReason::code)
                .contains("payer-account-received-letter-4-days-before", "amount-equals-asked-amount");
        assertThat(matches.review(DEMO, id)).isEqualTo(open.get(0));
    }

    @Test
    void confirmingRegistersThePaymentOnceUnderItsOwnIdAsTheJourneysConversion() {
        person("c-1", "Kari", "Nordmann", null, "12345678903");
        sent("julegave", "c-1", 4);
        String id = waiting("file-1:line-3", new Payer("Kari Nordmann", null, "12345678903"), null);

        PaymentMatches.Confirmation first = matches.confirm(DEMO, id, "julegave", "staff-7", null);
        PaymentMatches.Confirmation again = matches.confirm(DEMO, id, "julegave", "staff-7", null);

        assertThat(first.registered().paymentId()).isEqualTo(id);
        assertThat(first.registered().contactId()).isEqualTo("c-1");
        assertThat(first.registered().source()).isEqualTo(PaymentSource.OCR_GIRO);
        assertThat(first.registered().attribution().journeyId()).isEqualTo("julegave");
        assertThat(first.registered().attribution().stepId()).isNull();
        assertThat(first.identification()).isEqualTo(PaymentRegistrar.Identification.GIVEN);
        assertThat(first.payment().status()).isEqualTo("confirmed");
        assertThat(again.identification()).isEqualTo(PaymentRegistrar.Identification.ALREADY_REGISTERED);
        assertThat(again.registered()).isEqualTo(first.registered());
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(responses.published).hasSize(1);
        Signal paid = responses.published.get(0);
        assertThat(paid.type()).isEqualTo("paid");
        assertThat(paid.journeyId()).isEqualTo("julegave");
        assertThat(paid.contactId()).isEqualTo("c-1");
        assertThat(paid.attributes()).containsEntry("amountOre", "50000").containsEntry("paymentId", id);
        assertThat(events.types()).containsExactly("GiftReceived");
        assertThat(unmatched.find(DEMO, id).orElseThrow().journeyId()).isEqualTo("julegave");
        assertThat(matches.open(DEMO, 10)).isEmpty();
    }

    @Test
    void aConfirmationCutOffBeforeTheStatusIsFinishedByARetry() {
        person("c-1", "Kari", "Nordmann", null, "12345678903");
        String id = waiting("file-1:line-3", new Payer("Kari Nordmann", null, "12345678903"), null);
        // The registration happened; the status update did not.
        matches.confirm(DEMO, id, "julegave", "staff-7", null);
        UnmatchedPayment confirmed = unmatched.find(DEMO, id).orElseThrow();
        unmatched.update(DEMO, new UnmatchedPayment(confirmed.paymentId(), confirmed.source(), confirmed.reference(),
                confirmed.kind(), confirmed.amountOre(), confirmed.receivedAt(), confirmed.payer(), confirmed.message(),
                "open", null));

        assertThatThrownBy(() -> matches.confirm(DEMO, id, "bronn", "staff-8", null))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.ALREADY_DECIDED));
        PaymentMatches.Confirmation retried = matches.confirm(DEMO, id, "julegave", "staff-7", null);

        assertThat(retried.identification()).isEqualTo(PaymentRegistrar.Identification.ALREADY_REGISTERED);
        assertThat(retried.payment().status()).isEqualTo("confirmed");
        assertThat(responses.published).hasSize(1);
    }

    @Test
    void staffMayNameTheContactAndAJourneyTheMatcherDidNotSuggest() {
        person("c-1", "Kari", "Nordmann", null, null);
        String id = waiting("file-1:line-4", new Payer("K Nordmann", null, null), null);

        PaymentMatches.Confirmation done = matches.confirm(DEMO, id, "sommer", "staff-7", "c-1");

        assertThat(done.registered().contactId()).isEqualTo("c-1");
        assertThat(responses.published.get(0).journeyId()).isEqualTo("sommer");
    }

    @Test
    void aNameIsTrustedOnlyWithTheJourneysMessageToThatPerson() {
        person("c-1", "Kari", "Nordmann", null, null);
        person("c-2", "Kari", "Nordmann", null, null);
        sent("julegave", "c-2", 3);
        String id = waiting("file-1:line-5", new Payer("Kari Nordmann", null, null), "Julegave");

        assertThatThrownBy(() -> matches.confirm(DEMO, id, "bronn", "staff-7", null))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.PAYER_NOT_IDENTIFIED))
                .hasMessageNotContaining("Kari");
        PaymentMatches.Confirmation done = matches.confirm(DEMO, id, "julegave", "staff-7", null);

        assertThat(done.registered().contactId()).isEqualTo("c-2");
    }

    @Test
    void aPayerWithAnUnknownPhoneBecomesAGiverCandidate() {
        String id = waiting("file-1:line-6", new Payer("Per Hansen", "+4790000001", null), "julegave");

        PaymentMatches.Confirmation done = matches.confirm(DEMO, id, "julegave", "staff-7", null);

        assertThat(done.identification()).isEqualTo(PaymentRegistrar.Identification.NEW_GIVER);
        assertThat(done.registered().candidate()).isTrue();
        assertThat(events.types()).containsExactly("GiverCandidateFound", "GiftReceived");
    }

    @Test
    void rejectingMarksItOnceAndThenItCannotBeConfirmed() {
        String id = waiting("file-1:line-7", Payer.UNKNOWN, null);

        UnmatchedPayment rejected = matches.reject(DEMO, id, "staff-7");
        UnmatchedPayment again = matches.reject(DEMO, id, "staff-7");

        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(matches.review(DEMO, id).suggestions()).isEmpty();
        assertThat(matches.open(DEMO, 10)).isEmpty();
        assertThat(again).isEqualTo(rejected);
        assertThatThrownBy(() -> matches.confirm(DEMO, id, "julegave", "staff-7", "c-1"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.ALREADY_DECIDED));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void aConfirmedPaymentCannotBeRejectedOrConfirmedForAnotherJourney() {
        person("c-1", "Kari", "Nordmann", null, null);
        String id = waiting("file-1:line-8", Payer.UNKNOWN, null);
        matches.confirm(DEMO, id, "julegave", "staff-7", "c-1");

        assertThatThrownBy(() -> matches.reject(DEMO, id, "staff-7")).isInstanceOfSatisfying(MatchRefused.class,
                e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.ALREADY_DECIDED));
        assertThatThrownBy(() -> matches.confirm(DEMO, id, "bronn", "staff-7", "c-1"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.ALREADY_DECIDED));
    }

    @Test
    void badInputIsRefusedWithItsKind() {
        person("c-1", "Kari", "Nordmann", null, null);
        String id = waiting("file-1:line-9", Payer.UNKNOWN, null);

        assertThatThrownBy(() -> matches.confirm(DEMO, "ocr-giro-nope", "julegave", "staff-7", "c-1"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.UNKNOWN_PAYMENT));
        assertThatThrownBy(() -> matches.reject(DEMO, "ocr-giro-nope", "staff-7"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.UNKNOWN_PAYMENT));
        assertThatThrownBy(() -> matches.confirm(DEMO, id, "no-such-journey", "staff-7", "c-1"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.UNKNOWN_JOURNEY));
        assertThatThrownBy(() -> matches.confirm(DEMO, id, "julegave", "staff-7", "c-404"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.UNKNOWN_CONTACT));
        assertThatThrownBy(() -> matches.confirm(DEMO, id, "julegave", "staff-7", null))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.PAYER_NOT_IDENTIFIED));
        assertThatThrownBy(() -> matches.confirm(new TenantId("other"), id, "julegave", "staff-7", "c-1"))
                .isInstanceOfSatisfying(MatchRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(MatchRefused.Kind.UNKNOWN_PAYMENT));
        assertThat(ledger.size()).isZero();
        assertThat(unmatched.find(DEMO, id).orElseThrow().status()).isEqualTo("open");
    }
}
