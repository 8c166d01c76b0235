package no.dialog.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Reservations;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    private static float value(float[] row, String name) {
        return row[Features.names().indexOf(name)];
    }

    private static float[] extract(PersonFacts facts, LocalDate asOf) {
        float[] row = new float[Features.count()];
        Features.extract(facts, asOf, row);
        return row;
    }

    @Test
    void everyFeatureHasAUniqueNameAndBothDescriptions() {
        assertThat(new HashSet<>(Features.names())).hasSize(Features.count());
        for (Features.Feature f : Features.all()) {
            assertThat(f.descriptionNb()).isNotBlank();
            assertThat(f.descriptionEn()).isNotBlank();
        }
        // The column constants point at the features they name.
        assertThat(Features.names().get(Features.TENURE)).isEqualTo("tenureYears");
        assertThat(Features.names().get(Features.DAYS_SINCE_RESPONSE)).isEqualTo("daysSinceResponseLog");
        assertThat(Features.names().get(Features.channelOffset(Channel.PHONE))).isEqualTo("callSent90d");
        assertThat(Features.names().get(Features.RESERVED_POST)).isEqualTo("reservedPost");
        assertThat(Features.names().get(Features.CONSENT)).isEqualTo("consentSms");
        assertThat(Features.names().get(Features.REGION)).isEqualTo("regionInland");
        assertThat(Features.names().get(Features.AGE)).isEqualTo("ageUnder30");
    }

    @Test
    void seesNothingAfterAsOf() {
        List<PersonFacts.Payment> payments = new ArrayList<>(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 6, 10)));
        payments.add(People.gift(LocalDate.of(2026, 6, 1), 500));
        List<PersonFacts.Message> messages = List.of(People.message(LocalDate.of(2026, 5, 1), Channel.SMS, true, 19));
        PersonFacts before = new PersonFacts(People.contact(), payments, messages);

        List<PersonFacts.Payment> later = new ArrayList<>(payments);
        later.addAll(People.monthly(LocalDate.of(2026, 7, 10), LocalDate.of(2027, 6, 10)));
        later.add(People.gift(LocalDate.of(2026, 6, 16), 10_000));
        List<PersonFacts.Message> laterMessages = new ArrayList<>(messages);
        laterMessages.add(People.message(LocalDate.of(2026, 6, 20), Channel.SMS, true, 9));
        PersonFacts after = new PersonFacts(People.contact(), later, laterMessages);

        assertThat(extract(after, AS_OF)).containsExactly(extract(before, AS_OF));
    }

    @Test
    void countsRegularChargesMissedMonthsAndGifts() {
        List<PersonFacts.Payment> payments = new ArrayList<>(People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 6, 10)));
        payments.removeIf(p -> p.day().equals(LocalDate.of(2026, 3, 10)) || p.day().equals(LocalDate.of(2025, 9, 10)));
        payments.add(People.gift(LocalDate.of(2026, 6, 1), 500));
        payments.add(People.gift(LocalDate.of(2026, 2, 1), 1000));
        float[] row = extract(new PersonFacts(People.contact(), payments, List.of()), AS_OF);

        assertThat(value(row, "regularGiver")).isEqualTo(1f);
        assertThat(value(row, "regularCharges3m")).isEqualTo(3f); // April, May and June (within 91 days)
        assertThat(value(row, "regularCharges12m")).isEqualTo(10f); // 2025-06-10 is 370 days back
        assertThat(value(row, "missedMonths6m")).isEqualTo(1f);
        assertThat(value(row, "missedMonths12m")).isEqualTo(2f);
        assertThat(value(row, "gifts30d")).isEqualTo(1f);
        assertThat(value(row, "gifts365d")).isEqualTo(2f);
        assertThat(value(row, "giftSum365dLog")).isCloseTo((float) Math.log1p(1500), within(1e-4f));
        assertThat(value(row, "regularAmountLog")).isCloseTo((float) Math.log1p(200), within(1e-4f));
        assertThat(value(row, "monthsSinceRegular")).isCloseTo(5 / 30.44f, within(1e-3f));
    }

    @Test
    void readsRenewalFromFeesNotFromTheRegistersPaidUntil() {
        PersonFacts facts = new PersonFacts(People.contact(LocalDate.of(1950, 1, 1), "5003",
                Map.of(), Reservations.NONE, List.of(People.membership(LocalDate.of(2020, 8, 1)))),
                List.of(People.invoice(LocalDate.of(2025, 8, 1)), People.invoice(LocalDate.of(2024, 8, 3))), List.of());
        float[] row = extract(facts, AS_OF);
        assertThat(value(row, "member")).isEqualTo(1f);
        assertThat(value(row, "invoices365d")).isEqualTo(1f);
        assertThat(value(row, "invoicesEver")).isEqualTo(2f);
        assertThat(value(row, "daysToRenewal")).isCloseTo(47 / 365f, within(1e-5f));
        assertThat(value(row, "memberTenureYears")).isCloseTo(5.87f, within(0.01f));
        assertThat(value(row, "age75plus")).isEqualTo(1f);
        assertThat(value(row, "regionWest")).isEqualTo(1f);
    }

    @Test
    void ageAndRegionAreOneHotAgainstAReference() {
        float[] reference = extract(new PersonFacts(People.contact(LocalDate.of(1975, 1, 1), "0150", Map.of(),
                Reservations.NONE, List.of()), List.of(), List.of()), AS_OF);
        for (int i = Features.AGE; i < Features.CONSENT; i++) {
            assertThat(reference[i]).as(Features.names().get(i)).isZero();
        }
        float[] unknown = extract(new PersonFacts(People.contact(null, null, Map.of(), Reservations.NONE, List.of()),
                List.of(), List.of()), AS_OF);
        assertThat(value(unknown, "ageUnknown")).isEqualTo(1f);
        assertThat(value(unknown, "regionUnknown")).isEqualTo(1f);
    }

    @Test
    void countsMessagesAndResponsesPerChannel() {
        List<PersonFacts.Message> messages = List.of(
                People.message(LocalDate.of(2026, 6, 1), Channel.EMAIL, true, 20),
                People.message(LocalDate.of(2026, 1, 1), Channel.EMAIL, false, 0),
                People.message(LocalDate.of(2024, 1, 1), Channel.EMAIL, true, 8),
                People.message(LocalDate.of(2026, 6, 1), Channel.SMS, false, 0));
        float[] row = extract(new PersonFacts(People.contact(), List.of(), messages), AS_OF);
        assertThat(value(row, "emailSent90d")).isEqualTo(1f);
        assertThat(value(row, "emailSent365d")).isEqualTo(2f);
        assertThat(value(row, "emailResponded365d")).isEqualTo(1f);
        assertThat(value(row, "emailRespondedEver")).isEqualTo(2f);
        assertThat(value(row, "emailResponseRate")).isCloseTo(2.2f / 5f, within(1e-6f));
        assertThat(value(row, "smsSent90d")).isEqualTo(1f);
        assertThat(value(row, "smsResponseRate")).isCloseTo(0.2f / 3f, within(1e-6f));
        assertThat(value(row, "daysSinceResponseLog")).isCloseTo((float) Math.log1p(14), within(1e-5f));
        assertThat(value(row, "consentSms")).isEqualTo(1f);
        assertThat(value(row, "consentPost")).isZero();
    }

    @Test
    void refusesARowOfTheWrongLength() {
        assertThatThrownBy(() -> Features.extract(new PersonFacts(People.contact(), List.of(), List.of()), AS_OF,
                new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
