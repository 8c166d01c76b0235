package no.dialog.predictions.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import no.dialog.core.predict.Evaluation;
import no.dialog.core.predict.LinearModel;
import no.dialog.core.predict.TrainingSet;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;

/**
 * Tribuo's logistic regression on synthetic rows whose true model is known: y ~ Bernoulli(σ(−1 + 2·x0 − 1·x1)),
 * x2 pure noise, x0..x2 on different scales.
 */
class TribuoTrainerTest {

    private static final double[] SCALE = {1, 10, 0.1};

    private static TrainingSet planted(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TrainingSet.Builder builder = TrainingSet.builder(3, n, seed);
        float[] row = new float[3];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            row[0] = (float) (a * SCALE[0]);
            row[1] = (float) (b * SCALE[1] + 5);
            row[2] = (float) (c * SCALE[2]);
            double p = LinearModel.sigmoid(-1 + 2 * a - 1 * b);
            builder.add(row, random.nextDouble() < p);
        }
        return builder.build();
    }

    @Test
    void recoversThePlantedWeightsOnStandardisedFeatures() {
        LinearModel model = new TribuoTrainer().train(planted(20_000, 1), 7);

        // Standardised weights: the planted raw weights times each feature's standard deviation.
        double a = model.plattA();
        assertThat(model.weights()[0] * a).isCloseTo(2.0, within(0.25));
        assertThat(model.weights()[1] * a).isCloseTo(-1.0, within(0.2));
        assertThat(model.weights()[2] * a).isCloseTo(0.0, within(0.15));
    }

    @Test
    void theLinearModelGivesTribuosOwnProbabilities() {
        TribuoTrainer trainer = new TribuoTrainer(3);
        TrainingSet set = planted(1_000, 2); // below the calibration threshold: no Platt step on top
        TribuoTrainer.Fitted fitted = trainer.fit(set, 3);
        assertThat(fitted.model().plattA()).isEqualTo(1.0);

        TrainingSet fresh = planted(200, 4);
        float[] row = new float[3];
        double[] means = fitted.model().means();
        double[] scales = fitted.model().scales();
        for (int i = 0; i < fresh.size(); i++) {
            fresh.row(i, row);
            double ours = fitted.model().probability(row);
            var prediction = fitted.tribuo().predict(TribuoTrainer.example(TribuoTrainer.POSITIVE, fitted.names(), row,
                    means, scales));
            double theirs = prediction.getOutputScores().get("1").getScore();
            assertThat(ours).isCloseTo(theirs, within(1e-6));
        }
    }

    @Test
    void separatesAndIsCalibratedOnFreshRows() {
        LinearModel model = new TribuoTrainer().train(planted(20_000, 5), 11);
        TrainingSet test = planted(20_000, 6);
        float[] predicted = new float[test.size()];
        float[] truth = new float[test.size()];
        byte[] labels = new byte[test.size()];
        float[] row = new float[3];
        for (int i = 0; i < test.size(); i++) {
            test.row(i, row);
            predicted[i] = (float) model.probability(row);
            double x0 = row[0] / SCALE[0];
            double x1 = (row[1] - 5) / SCALE[1];
            truth[i] = (float) LinearModel.sigmoid(-1 + 2 * x0 - x1);
            labels[i] = (byte) (test.label(i) ? 1 : 0);
        }
        double auc = Evaluation.auc(predicted, labels, test.size());
        double oracle = Evaluation.auc(truth, labels, test.size());
        assertThat(auc).isGreaterThan(0.99 * oracle);
        for (Evaluation.Bin bin : Evaluation.reliability(predicted, labels, test.size())) {
            assertThat(Math.abs(bin.meanPredicted() - bin.observed())).as(bin.toString()).isLessThan(0.05);
        }
    }

    @Test
    void refusesRowsWithOneOutcome() {
        TrainingSet.Builder builder = TrainingSet.builder(1, 10, 1);
        builder.add(new float[] {1}, false);
        builder.add(new float[] {2}, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TribuoTrainer().train(builder.build(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Label("1")).isEqualTo(TribuoTrainer.POSITIVE);
    }
}
