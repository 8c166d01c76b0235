package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import org.junit.jupiter.api.Test;

class PaymentMatcherTest {

    private static final Instant PAID = Instant.parse("2026-11-30T10:00:00Z");
    private static final CampaignJourney JUL = new CampaignJourney("julegave", "Julegave 2026", List.of());
    private static final CampaignJourney BRONN = new CampaignJourney("bronn", "Vannbrønner", List.of("brønn"));

    private final PaymentMatcher matcher = new PaymentMatcher();

    private static UnmatchedPayment payment(long amountOre, String message) {
        return new UnmatchedPayment("ocr-giro-x", PaymentSource.OCR_GIRO, "line-1", PaymentKind.GIFT, amountOre, PAID,
                new Payer("Kari Nordmann", null, "12345678903"), message, "open", null);
    }

    private static RecentSend sms(String journeyId, String contactId, int daysBefore, Long... asked) {
        return new RecentSend(journeyId, contactId, SendChannel.SMS, PAID.minus(Duration.ofDays(daysBefore)), List.of(asked));
    }

    private static Evidence evidence(List<PayerMatch> payers, List<RecentSend> sends) {
        return new Evidence(payers, sends, List.of(JUL, BRONN));
    }

    private static double confidence(List<MatchSuggestion> suggestions, String journeyId) {
        return suggestions.stream().filter(s -> s.journeyId().equals(journeyId)).findFirst().orElseThrow().confidence();
    }

    @Test
    void noEvidenceGivesNoSuggestionNotAGuess() {
        assertThat(matcher.suggest(payment(20_000, null), evidence(List.of(), List.of()))).isEmpty();
        // A known payer who got nothing, and a message naming nothing, point nowhere either.
        assertThat(matcher.suggest(payment(20_000, "God jul og takk for gaven"),
                evidence(List.of(new PayerMatch("c-1", PayerKey.ACCOUNT, 1)), List.of()))).isEmpty();
    }

    @Test
    void aMessageToThePayersPhoneSuggestsItsJourneyWithTheReason() {
        List<MatchSuggestion> suggestions = matcher.suggest(payment(25_000, null),
                evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(sms("julegave", "c-1", 3))));

        assertThat(suggestions).hasSize(1);
        MatchSuggestion top = suggestions.get(0);
        assertThat(top.journeyId()).isEqualTo("julegave");
        assertThat(top.reasons()).extracting(MatchReason::code).containsExactly("payer-phone-received-sms-3-days-before");
        // bias -1.0 + 3 × 0.5^(3/7) = 1.229 → e^1.229 / (1 + e^1.229)
        assertThat(top.confidence()).isCloseTo(0.774, within(0.001));
    }

    @Test
    void anOlderMessageWeighsLess() {
        double recent = confidence(matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(sms("julegave", "c-1", 1)))), "julegave");
        double older = confidence(matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(sms("julegave", "c-1", 12)))), "julegave");

        assertThat(recent).isGreaterThan(older);
    }

    @Test
    void messagesAfterThePaymentOrBeyondTheWindowDoNotCount() {
        RecentSend after = new RecentSend("julegave", "c-1", SendChannel.SMS, PAID.plus(Duration.ofDays(1)), List.of());
        RecentSend ancient = sms("julegave", "c-1", 31);

        assertThat(matcher.suggest(payment(25_000, null),
                evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(after, ancient)))).isEmpty();
    }

    @Test
    void theAskedAmountAddsEvidence() {
        List<PayerMatch> payer = List.of(new PayerMatch("c-1", PayerKey.ACCOUNT, 1));
        List<MatchSuggestion> asked = matcher.suggest(payment(50_000, null),
                evidence(payer, List.of(sms("julegave", "c-1", 3, 20_000L, 50_000L))));
        List<MatchSuggestion> other = matcher.suggest(payment(30_000, null),
                evidence(payer, List.of(sms("julegave", "c-1", 3, 20_000L, 50_000L))));

        assertThat(asked.get(0).reasons()).extracting(MatchReason::code)
                .contains("payer-account-received-sms-3-days-before", "amount-equals-asked-amount");
        assertThat(other.get(0).reasons()).extracting(MatchReason::code).doesNotContain("amount-equals-asked-amount");
        assertThat(asked.get(0).confidence()).isGreaterThan(other.get(0).confidence());
    }

    @Test
    void aLetterOfferingTheAmountCountsEvenWhenALaterReminderIsTheWeightierMessage() {
        RecentSend letter = new RecentSend("julegave", "c-1", SendChannel.LETTER, PAID.minus(Duration.ofDays(10)),
                List.of(50_000L));
        List<MatchSuggestion> suggestions = matcher.suggest(payment(50_000, null),
                evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(letter, sms("julegave", "c-1", 2))));

        assertThat(suggestions.get(0).reasons()).extracting(MatchReason::code)
                .containsExactly("payer-phone-received-sms-2-days-before", "amount-equals-asked-amount");
    }

    @Test
    void theJourneysWordInTheMessageSuggestsItWithoutAnyKnownPayer() {
        List<MatchSuggestion> suggestions = matcher.suggest(payment(10_000, "Julegaven til barna"),
                evidence(List.of(), List.of()));

        assertThat(suggestions).extracting(MatchSuggestion::journeyId).containsExactly("julegave");
        assertThat(suggestions.get(0).reasons()).extracting(MatchReason::code)
                .containsExactly("message-mentions-journey-keyword");
        assertThat(suggestions.get(0).reasons().get(0).text()).contains("julegave").doesNotContain("barna");
        assertThat(suggestions.get(0).confidence()).isGreaterThan(0.5);
    }

    @Test
    void aNameMatchAloneIsWeakAndSaysSo() {
        List<MatchSuggestion> byName = matcher.suggest(payment(25_000, null),
                evidence(List.of(new PayerMatch("c-1", PayerKey.NAME, 1)), List.of(sms("julegave", "c-1", 3))));
        List<MatchSuggestion> byPhone = matcher.suggest(payment(25_000, null),
                evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), List.of(sms("julegave", "c-1", 3))));

        assertThat(byName.get(0).reasons()).extracting(MatchReason::code)
                .containsExactly("payer-name-received-sms-3-days-before", "name-match-only");
        assertThat(byName.get(0).confidence()).isLessThan(0.5).isLessThan(byPhone.get(0).confidence());
    }

    @Test
    void aNameSharedByManyWeighsLessThanAUniqueOne() {
        double unique = confidence(matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.NAME, 1)), List.of(sms("julegave", "c-1", 3)))), "julegave");
        List<MatchSuggestion> shared = matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.NAME, 3), new PayerMatch("c-2", PayerKey.NAME, 3),
                        new PayerMatch("c-3", PayerKey.NAME, 3)), List.of(sms("julegave", "c-1", 3))));

        assertThat(shared.get(0).confidence()).isLessThan(unique);
        assertThat(shared.get(0).reasons()).extracting(MatchReason::code).contains("payer-name-shared-by-3-contacts");
    }

    @Test
    void theStrongestIdentificationOfAContactCounts() {
        List<MatchSuggestion> suggestions = matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.NAME, 4), new PayerMatch("c-1", PayerKey.ACCOUNT, 1)),
                List.of(sms("julegave", "c-1", 0))));

        assertThat(suggestions.get(0).reasons()).extracting(MatchReason::code)
                .containsExactly("payer-account-received-sms-0-days-before");
    }

    @Test
    void twoJourneysShareTheConfidenceAndTheMoreRecentOneLeads() {
        List<MatchSuggestion> suggestions = matcher.suggest(payment(25_000, null), evidence(
                List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)),
                List.of(sms("julegave", "c-1", 9), sms("bronn", "c-1", 2))));

        assertThat(suggestions).extracting(MatchSuggestion::journeyId).containsExactly("bronn", "julegave");
        assertThat(suggestions.stream().mapToDouble(MatchSuggestion::confidence).sum()).isLessThan(1.0);
    }

    @Test
    void equalEvidenceIsOrderedByJourneyIdEveryTime() {
        Evidence equal = evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)),
                List.of(sms("julegave", "c-1", 2), sms("bronn", "c-1", 2)));

        List<MatchSuggestion> first = matcher.suggest(payment(25_000, null), equal);
        List<MatchSuggestion> reordered = matcher.suggest(payment(25_000, null), new Evidence(equal.payers(),
                List.of(equal.sends().get(1), equal.sends().get(0)), List.of(BRONN, JUL)));

        assertThat(first).extracting(MatchSuggestion::journeyId).containsExactly("bronn", "julegave");
        assertThat(reordered).isEqualTo(first);
        assertThat(first.get(0).confidence()).isEqualTo(first.get(1).confidence());
    }

    @Test
    void atMostThreeSuggestions() {
        List<CampaignJourney> four = List.of(JUL, BRONN, new CampaignJourney("skole", "Skolestart", List.of()),
                new CampaignJourney("fadder", "Fadderbarn", List.of()));
        List<RecentSend> sends = List.of(sms("julegave", "c-1", 1), sms("bronn", "c-1", 2), sms("skole", "c-1", 3),
                sms("fadder", "c-1", 4));

        List<MatchSuggestion> suggestions = matcher.suggest(payment(25_000, null),
                new Evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)), sends, four));

        assertThat(suggestions).extracting(MatchSuggestion::journeyId).containsExactly("julegave", "bronn", "skole");
    }

    @Test
    void sendsOfJourneysThatTakeNoSuggestionsAreIgnored() {
        assertThat(matcher.suggest(payment(25_000, null), evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)),
                List.of(sms("ended-journey", "c-1", 1))))).isEmpty();
    }

    @Test
    void sendsToContactsThatAreNotThePayerAreIgnored() {
        assertThat(matcher.suggest(payment(25_000, null), evidence(List.of(new PayerMatch("c-1", PayerKey.PHONE, 1)),
                List.of(sms("julegave", "c-2", 1))))).isEmpty();
    }
}
