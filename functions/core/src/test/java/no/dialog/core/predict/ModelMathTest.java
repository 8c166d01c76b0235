package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LinearModel, Evaluation, Deciles, Platt, FeatureImportance and Publication. */
class ModelMathTest {

    private static LinearModel model(double... weights) {
        List<String> names = Features.names().subList(0, weights.length);
        double[] means = new double[weights.length];
        double[] scales = new double[weights.length];
        java.util.Arrays.fill(scales, 2);
        return new LinearModel(names, means, scales, weights, -1, 1, 0);
    }

    @Test
    void scoresStandardisedFeaturesThroughTheLogisticFunction() {
        LinearModel m = model(1.0, -0.5);
        double z = -1 + 1.0 * (4 / 2.0) - 0.5 * (2 / 2.0);
        assertThat(m.probability(new float[] {4, 2})).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
        assertThat(m.calibrated(2, 0.5).probability(new float[] {4, 2})).isCloseTo(1 / (1 + Math.exp(-(2 * z + 0.5))),
                within(1e-12));
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        LinearModel m = model(1.0, -0.5).calibrated(1.2, -0.1);
        LinearModel back = mapper.readValue(mapper.writeValueAsString(m), LinearModel.class);
        assertThat(back.probability(new float[] {3, 1})).isEqualTo(m.probability(new float[] {3, 1}));
        assertThat(back.features()).isEqualTo(m.features());
    }

    @Test
    void refusesAModelWithoutOneScalePerFeature() {
        assertThatThrownBy(() -> new LinearModel(List.of("a"), new double[1], new double[] {0}, new double[1], 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinearModel(List.of("a"), new double[2], new double[] {1}, new double[1], 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aucCountsTiesAsHalf() {
        byte[] labels = {0, 0, 1, 1};
        assertThat(Evaluation.auc(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, labels, 4)).isEqualTo(1.0);
        assertThat(Evaluation.auc(new float[] {0.4f, 0.3f, 0.2f, 0.1f}, labels, 4)).isEqualTo(0.0);
        assertThat(Evaluation.auc(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, labels, 4)).isEqualTo(0.5);
        // Pairs (neg, pos): (0.1,0.3) win, (0.1,0.2) win, (0.3,0.3) tie, (0.3,0.2) loss → 2.5 of 4.
        assertThat(Evaluation.auc(new float[] {0.1f, 0.3f, 0.3f, 0.2f}, labels, 4)).isEqualTo(0.625);
        assertThat(Evaluation.auc(new float[] {0.1f, 0.2f}, new byte[] {1, 1}, 2)).isNaN();
    }

    @Test
    void theReliabilityTableComparesPredictedAndObservedPerDecile() {
        int n = 1000;
        float[] p = new float[n];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = i / (float) n;
            labels[i] = (byte) (i >= 900 ? 1 : 0);
        }
        List<Evaluation.Bin> bins = Evaluation.reliability(p, labels, n);
        assertThat(bins).hasSize(10);
        assertThat(bins.get(9).observed()).isEqualTo(1.0);
        assertThat(bins.get(9).meanPredicted()).isCloseTo(0.9495, within(1e-4));
        assertThat(bins.get(0).observed()).isZero();
        assertThat(bins.get(0).count()).isEqualTo(100);
        Evaluation e = Evaluation.of(ModelKind.RESPONSE_SMS, TrainingSet.builder(1, 1, 1).build(), p, p, labels, n);
        assertThat(e.maxCalibrationError()).isCloseTo(0.8495, within(1e-4)); // decile 9: predicted 0.8495, observed 0
        assertThat(e.testPositives()).isEqualTo(100);
    }

    @Test
    void decilesCutThePopulationIntoTenths() {
        float[] scores = new float[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = (99 - i) / 100f;
        }
        Deciles d = Deciles.of(scores, 100);
        assertThat(d.decile(0.0)).isEqualTo(1);
        assertThat(d.decile(0.09)).isEqualTo(1); // the lowest tenth: 0.00 .. 0.09
        assertThat(d.decile(0.095)).isEqualTo(2);
        assertThat(d.decile(0.10)).isEqualTo(2);
        assertThat(d.decile(0.95)).isEqualTo(10);
        assertThat(d.decile(1.0)).isEqualTo(10);
        assertThatThrownBy(() -> new Deciles(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plattRecoversAKnownCalibration() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 50_000;
        double[] z = new double[n];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() * 2;
            labels[i] = (byte) (random.nextDouble() < LinearModel.sigmoid(0.5 * z[i] - 1) ? 1 : 0);
        }
        double[] ab = Platt.fit(z, labels, n);
        assertThat(ab[0]).isCloseTo(0.5, within(0.05));
        assertThat(ab[1]).isCloseTo(-1, within(0.05));
    }

    @Test
    void importanceRanksByStandardisedWeightWithDirection() {
        List<FeatureImportance> top = FeatureImportance.top(model(0.2, -0.9, 0.0, 0.5), 2);
        assertThat(top).extracting(FeatureImportance::feature).containsExactly("gifts90d", "giftSum365dLog");
        assertThat(top.get(0).direction()).isEqualTo("lowers");
        assertThat(top.get(1).direction()).isEqualTo("raises");
        assertThat(top.get(0).descriptionEn()).isEqualTo("One-off gifts in the last 90 days");
    }

    @Test
    void publishesOnlyAModelThatBeatsItsBaselineOnEnoughPositives() {
        LinearModel m = model(1.0);
        Evaluation good = new Evaluation(ModelKind.DROPOUT_RISK, 1000, 100, 1000, 60, 0.75, 0.60, List.of(), 0.01);
        assertThat(Publication.decide(m, good).published()).isTrue();
        assertThat(Publication.decide(m, good).reason()).isNull();

        Evaluation weak = new Evaluation(ModelKind.DROPOUT_RISK, 1000, 100, 1000, 60, 0.58, 0.60, List.of(), 0.01);
        Publication withheld = Publication.decide(m, weak);
        assertThat(withheld.published()).isFalse();
        assertThat(withheld.reason()).contains("AUC 0.580 does not beat the recency/frequency/monetary baseline's 0.600");

        Evaluation few = new Evaluation(ModelKind.DROPOUT_RISK, 1000, 100, 1000, 49, 0.9, 0.60, List.of(), 0.01);
        assertThat(Publication.decide(m, few).reason()).contains("only 49 positive outcomes in the test period (at least 50 are needed)");
    }

    @Test
    void aPublicationAndAPublishedModelSurviveAJsonRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Evaluation evaluation = new Evaluation(ModelKind.LAPSE_RISK, 1000, 100, 1000, 60, 0.58, 0.60,
                List.of(new Evaluation.Bin(1, 0.1, 0.12, 100)), 0.02);
        Publication withheld = Publication.decide(model(1.0), evaluation);
        Publication back = mapper.readValue(mapper.writeValueAsString(withheld), Publication.class);
        assertThat(back.reason()).isEqualTo(withheld.reason());
        assertThat(back.evaluation()).isEqualTo(evaluation);
        assertThat(back.topFeatures()).isEqualTo(withheld.topFeatures());

        PublishedModel published = new PublishedModel(ModelKind.LAPSE_RISK, model(1.0),
                new Deciles(new double[] {.1, .2, .3, .4, .5, .6, .7, .8, .9}));
        PublishedModel read = mapper.readValue(mapper.writeValueAsString(published), PublishedModel.class);
        assertThat(read.deciles().decile(0.45)).isEqualTo(5);
        assertThat(read.model().probability(new float[] {2})).isEqualTo(published.model().probability(new float[] {2}));
    }

    @Test
    void aTrainingSetKeepsAUniformSampleOfItsCapacity() {
        TrainingSet.Builder builder = TrainingSet.builder(1, 1000, 9);
        for (int i = 0; i < 100_000; i++) {
            builder.add(new float[] {i}, i % 4 == 0);
        }
        TrainingSet set = builder.build();
        assertThat(set.size()).isEqualTo(1000);
        assertThat(set.seen()).isEqualTo(100_000);
        assertThat(set.positivesSeen()).isEqualTo(25_000);
        double mean = 0;
        for (int i = 0; i < set.size(); i++) {
            mean += set.value(i, 0) / set.size();
            assertThat(set.label(i)).isEqualTo(((int) set.value(i, 0)) % 4 == 0);
        }
        assertThat(mean).isCloseTo(50_000, within(3_000.0));
        assertThat(set.positives()).isBetween(180, 320);
    }
}
