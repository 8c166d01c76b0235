package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmBaselineTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @Test
    void scoresRecencyFrequencyAndMoneyByTheDocumentedThresholds() {
        // Twelve monthly charges of 200 kr (the last 5 days ago) and a 1,000 kr gift: R 5, F 5 (13), M 5 (3,400 kr).
        List<PersonFacts.Payment> payments = new ArrayList<>(People.monthly(LocalDate.of(2025, 7, 10), LocalDate.of(2026, 6, 10)));
        payments.add(People.gift(LocalDate.of(2026, 1, 1), 1000));
        payments.add(People.gift(LocalDate.of(2026, 7, 1), 50_000)); // after asOf: not seen
        PersonFacts loyal = new PersonFacts(People.contact(), payments, List.of());
        assertThat(RfmBaseline.rfm(loyal, AS_OF)).isEqualTo(15);

        // One 300 kr gift 100 days ago: R 3, F 2, M 3.
        PersonFacts once = new PersonFacts(People.contact(), List.of(People.gift(AS_OF.minusDays(100), 300)), List.of());
        assertThat(RfmBaseline.rfm(once, AS_OF)).isEqualTo(8);

        PersonFacts never = new PersonFacts(People.contact(), List.of(), List.of());
        assertThat(RfmBaseline.rfm(never, AS_OF)).isEqualTo(3);
    }

    @Test
    void aHighRfmMeansLowRiskButHighResponse() {
        PersonFacts never = new PersonFacts(People.contact(), List.of(), List.of());
        assertThat(RfmBaseline.score(ModelKind.DROPOUT_RISK, never, AS_OF)).isEqualTo(15);
        assertThat(RfmBaseline.score(ModelKind.LAPSE_RISK, never, AS_OF)).isEqualTo(15);
        assertThat(RfmBaseline.score(ModelKind.RESPONSE_SMS, never, AS_OF)).isEqualTo(3);
    }
}
