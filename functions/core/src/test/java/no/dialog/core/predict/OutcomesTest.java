package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Reservations;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private static PersonFacts payments(List<PersonFacts.Payment> payments) {
        return new PersonFacts(People.contact(), payments, List.of());
    }

    @Test
    void aRegularGiverWhoseChargesContinueDidNotDropOut() {
        var facts = payments(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 12, 10)));
        assertThat(Outcomes.label(ModelKind.DROPOUT_RISK, facts, AS_OF)).contains(false);
    }

    @Test
    void oneMissedChargeIsNotADropoutButChargesStoppingAre() {
        List<PersonFacts.Payment> oneMissed = new ArrayList<>(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 12, 10)));
        oneMissed.removeIf(p -> p.day().equals(LocalDate.of(2026, 7, 10)));
        assertThat(Outcomes.label(ModelKind.DROPOUT_RISK, payments(oneMissed), AS_OF)).contains(false);

        // The last charge on 2026-07-10: none in (asOf + 45, asOf + 90] = (2026-07-30, 2026-09-13].
        var stopped = payments(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 7, 10)));
        assertThat(Outcomes.label(ModelKind.DROPOUT_RISK, stopped, AS_OF)).contains(true);
    }

    @Test
    void onlyRegularGiversAreEligibleForDropout() {
        var lapsedLongAgo = payments(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 4, 10)));
        assertThat(Outcomes.label(ModelKind.DROPOUT_RISK, lapsedLongAgo, AS_OF)).isEmpty();
        assertThat(Outcomes.inScope(ModelKind.DROPOUT_RISK, lapsedLongAgo, AS_OF)).isFalse();
        var oneOff = payments(List.of(People.gift(LocalDate.of(2026, 6, 1), 500)));
        assertThat(Outcomes.label(ModelKind.DROPOUT_RISK, oneOff, AS_OF)).isEmpty();
    }

    @Test
    void aMemberDueInTheWindowRenewsOrLapses() {
        var renewed = payments(List.of(People.invoice(LocalDate.of(2025, 8, 1)), People.invoice(LocalDate.of(2026, 8, 10))));
        assertThat(Outcomes.label(ModelKind.LAPSE_RISK, renewed, AS_OF)).contains(false);
        var lapsed = payments(List.of(People.invoice(LocalDate.of(2025, 8, 1))));
        assertThat(Outcomes.label(ModelKind.LAPSE_RISK, lapsed, AS_OF)).contains(true);
        assertThat(Outcomes.inScope(ModelKind.LAPSE_RISK, lapsed, AS_OF)).isTrue();
        // Due 2026-12-01: not in (asOf, asOf + 76].
        var notDue = payments(List.of(People.invoice(LocalDate.of(2025, 12, 1))));
        assertThat(Outcomes.label(ModelKind.LAPSE_RISK, notDue, AS_OF)).isEmpty();
        assertThat(Outcomes.inScope(ModelKind.LAPSE_RISK, notDue, AS_OF)).isTrue();
        assertThat(Outcomes.inScope(ModelKind.LAPSE_RISK, payments(List.of()), AS_OF)).isFalse();
    }

    @Test
    void aResponseModelIsAboutThoseSentAMessageOnItsChannelInTheWindow() {
        var answered = new PersonFacts(People.contact(), List.of(), List.of(
                People.message(LocalDate.of(2026, 7, 1), Channel.SMS, false, 0),
                People.message(LocalDate.of(2026, 8, 1), Channel.SMS, true, 18),
                People.message(LocalDate.of(2026, 7, 1), Channel.EMAIL, false, 0),
                People.message(LocalDate.of(2026, 6, 1), Channel.POST, true, 12)));
        assertThat(Outcomes.label(ModelKind.RESPONSE_SMS, answered, AS_OF)).contains(true);
        assertThat(Outcomes.label(ModelKind.RESPONSE_EMAIL, answered, AS_OF)).contains(false);
        assertThat(Outcomes.label(ModelKind.RESPONSE_LETTER, answered, AS_OF)).isEqualTo(Optional.empty());
        assertThat(Outcomes.label(ModelKind.RESPONSE_CALL, answered, AS_OF)).isEmpty();
    }

    @Test
    void reachableNeedsConsentAndAnAddressOnTheChannel() {
        var contact = People.contact(LocalDate.of(1990, 1, 1), null,
                Map.of(Channel.SMS, People.granted(), Channel.POST, People.granted(), Channel.PHONE, People.granted()),
                new Reservations(true, false, true, false), List.of());
        assertThat(Outcomes.reachable(contact, Channel.SMS)).isTrue();
        assertThat(Outcomes.reachable(contact, Channel.EMAIL)).isFalse(); // no consent
        assertThat(Outcomes.reachable(contact, Channel.POST)).isFalse(); // no postal address
        assertThat(Outcomes.reachable(contact, Channel.PHONE)).isFalse(); // telemarketing reservation
    }
}
