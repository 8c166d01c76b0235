package no.dialog.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.Outcomes;
import no.dialog.core.predict.PersonFacts;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class PlantedPeopleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void plantedPeopleAreValidContactsWithHistoryEndingTodayAndNumbersNoOtherDemoContactHas() {
        PlantedPeople people = new PlantedPeople(TODAY);
        ContactJson json = new ContactJson(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), OsloTime.ZONE));
        Set<String> demoPhones = DemoContacts.phones(5000);
        Set<String> phones = new HashSet<>();
        Set<String> paymentIds = new HashSet<>();
        int regularGiversToday = 0;
        int dropoutsInTheLastQuarter = 0;
        LocalDate latest = LocalDate.MIN;
        for (int n = 0; n < 2000; n++) {
            PlantedPeople.Planted planted = people.person(n, demoPhones);
            ContactJson.Parsed parsed = json.read(json.write(planted.contact()));
            assertThat(parsed.problems()).as("contact %d", n).isEmpty();
            if (planted.contact().phone() != null) {
                assertThat(phones.add(planted.contact().phone())).isTrue();
                assertThat(demoPhones).doesNotContain(planted.contact().phone());
            }
            for (RegisteredPayment payment : planted.payments()) {
                assertThat(paymentIds.add(payment.paymentId())).isTrue();
                LocalDate day = payment.receivedAt().atZone(OsloTime.ZONE).toLocalDate();
                latest = day.isAfter(latest) ? day : latest;
            }
            PersonFacts facts = new PersonFacts(planted.contact(), planted.payments().stream()
                    .map(p -> new PersonFacts.Payment(p.receivedAt().atZone(OsloTime.ZONE).toLocalDate(), p.amountOre(),
                            p.kind(), p.source() == PaymentSource.VIPPS_RECURRING)).toList(), java.util.List.of());
            if (Outcomes.inScope(ModelKind.DROPOUT_RISK, facts, TODAY)) {
                regularGiversToday++;
            }
            if (Outcomes.label(ModelKind.DROPOUT_RISK, facts, TODAY.minusDays(90)).orElse(false)) {
                dropoutsInTheLastQuarter++;
            }
        }
        assertThat(latest).isBetween(TODAY.minusDays(7), TODAY);
        // Enough for a model: about a quarter are regular givers, and some of them stopped in the last quarter.
        assertThat(regularGiversToday).isBetween(300, 900);
        assertThat(dropoutsInTheLastQuarter).isBetween(20, 200);
        System.out.printf("planted: %d payments for 2,000 people; %d regular givers today; %d stopped last quarter%n",
                paymentIds.size(), regularGiversToday, dropoutsInTheLastQuarter);
    }
}
