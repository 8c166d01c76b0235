package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Reservations;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** A model that leans only on one feature: p = σ(weight · (x − 0) / 1 − 2). */
    private static PublishedModel model(ModelKind kind, String feature, double weight) {
        int width = Features.count();
        double[] weights = new double[width];
        weights[Features.names().indexOf(feature)] = weight;
        double[] scales = new double[width];
        Arrays.fill(scales, 1);
        LinearModel linear = new LinearModel(Features.names(), new double[width], scales, weights, -2, 1, 0);
        return new PublishedModel(kind, linear, new Deciles(new double[] {.1, .2, .3, .4, .5, .6, .7, .8, .9}));
    }

    private static Map<ModelKind, PublishedModel> models() {
        Map<ModelKind, PublishedModel> models = new EnumMap<>(ModelKind.class);
        models.put(ModelKind.DROPOUT_RISK, model(ModelKind.DROPOUT_RISK, "missedMonths6m", 1.0));
        models.put(ModelKind.RESPONSE_SMS, model(ModelKind.RESPONSE_SMS, "smsRespondedEver", 1.0));
        models.put(ModelKind.RESPONSE_EMAIL, model(ModelKind.RESPONSE_EMAIL, "emailRespondedEver", 1.0));
        models.put(ModelKind.RESPONSE_LETTER, model(ModelKind.RESPONSE_LETTER, "letterRespondedEver", 5.0));
        return models;
    }

    private static PersonFacts person(Reservations reservations) {
        var contact = People.contact(LocalDate.of(1980, 1, 1), "0150",
                Map.of(Channel.SMS, People.granted(), Channel.EMAIL, People.granted()), reservations, List.of());
        return new PersonFacts(contact, People.monthly(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 6, 10)), List.of(
                People.message(LocalDate.of(2026, 1, 5), Channel.EMAIL, true, 19),
                People.message(LocalDate.of(2026, 3, 5), Channel.EMAIL, true, 19),
                People.message(LocalDate.of(2026, 4, 5), Channel.EMAIL, true, 7), // outside sending hours
                People.message(LocalDate.of(2026, 5, 5), Channel.SMS, true, 10),
                People.message(LocalDate.of(2026, 5, 6), Channel.POST, true, 12),
                People.message(LocalDate.of(2026, 5, 7), Channel.POST, true, 12),
                People.message(LocalDate.of(2026, 5, 8), Channel.POST, true, 12)));
    }

    @Test
    void scoresEveryModelThePersonIsInScopeOfWithDecileChannelAndHour() {
        Scorer scorer = new Scorer(models(), ResponseHours.empty(), QuietHours.DEFAULT);
        Prediction prediction = scorer.score(person(Reservations.NONE), TODAY);

        double dropout = LinearModel.sigmoid(-2); // no missed months
        assertThat(prediction.score(ModelKind.DROPOUT_RISK)).hasValueSatisfying(s -> {
            assertThat(s.probability()).isEqualTo(dropout);
            assertThat(s.decile()).isEqualTo(2);
        });
        assertThat(prediction.score(ModelKind.RESPONSE_EMAIL).orElseThrow().probability())
                .isEqualTo(LinearModel.sigmoid(1));
        // The letter model scores highest, but there is no consent to letters: e-mail is the best open channel.
        assertThat(prediction.score(ModelKind.RESPONSE_LETTER)).isEmpty();
        assertThat(prediction.score(ModelKind.LAPSE_RISK)).isEmpty();
        assertThat(prediction.bestChannel()).contains(Channel.EMAIL);
        // 12:00 three times (letters), 19:00 twice; 07:00 is before the quiet hours end.
        assertThat(prediction.bestHour()).contains(12);
    }

    @Test
    void someoneWhoObjectsToProfilingGetsNoPrediction() {
        Scorer scorer = new Scorer(models(), ResponseHours.empty(), QuietHours.DEFAULT);
        Reservations objects = Reservations.NONE.withProfilingObjection(true);
        assertThat(scorer.score(person(objects), TODAY)).isEqualTo(Prediction.NONE);
        assertThat(scorer.probability(ModelKind.DROPOUT_RISK, person(objects), TODAY)).isEmpty();
    }

    @Test
    void objectorsAreNotLearnedFrom() {
        TrainingSet.Collector collector = new TrainingSet.Collector(100, 1);
        collector.add(person(Reservations.NONE.withProfilingObjection(true)), LocalDate.of(2026, 1, 15));
        assertThat(collector.build().get(ModelKind.DROPOUT_RISK).seen()).isZero();
        collector.add(person(Reservations.NONE), LocalDate.of(2026, 1, 15));
        var sets = collector.build();
        assertThat(sets.get(ModelKind.DROPOUT_RISK).seen()).isEqualTo(1);
        assertThat(sets.get(ModelKind.DROPOUT_RISK).label(0)).isFalse();
        assertThat(sets.get(ModelKind.RESPONSE_EMAIL).seen()).isEqualTo(1);
        assertThat(sets.get(ModelKind.LAPSE_RISK).seen()).isZero();
    }

    @Test
    void withoutResponsesOfTheirOwnTheOrganisationsBusiestHourOnTheChannelIsUsed() {
        ResponseHours organisation = ResponseHours.empty();
        organisation.add(person(Reservations.NONE), TODAY);
        var quiet = new PersonFacts(People.contact(), List.of(), List.of());
        assertThat(BestHour.of(quiet, TODAY, Channel.EMAIL, organisation, QuietHours.DEFAULT)).contains(19);
        assertThat(BestHour.of(quiet, TODAY, Channel.PHONE, organisation, QuietHours.DEFAULT)).isEmpty();
        assertThat(BestHour.allowed(8, QuietHours.DEFAULT)).isTrue();
        assertThat(BestHour.allowed(21, QuietHours.DEFAULT)).isFalse();
    }

    @Test
    void refusesAModelTrainedOnOtherFeatures() {
        LinearModel old = new LinearModel(List.of("a"), new double[1], new double[] {1}, new double[1], 0, 1, 0);
        var stale = Map.of(ModelKind.DROPOUT_RISK, new PublishedModel(ModelKind.DROPOUT_RISK, old,
                new Deciles(new double[9])));
        assertThatThrownBy(() -> new Scorer(stale, ResponseHours.empty(), QuietHours.DEFAULT))
                .hasMessageContaining("dropoutRisk model was trained on other features");
    }
}
