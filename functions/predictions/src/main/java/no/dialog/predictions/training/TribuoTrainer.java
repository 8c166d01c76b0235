package no.dialog.predictions.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.dialog.core.predict.Features;
import no.dialog.core.predict.LinearModel;
import no.dialog.core.predict.ModelTrainer;
import no.dialog.core.predict.Platt;
import no.dialog.core.predict.TrainingSet;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression with Tribuo (ADR 0036): Tribuo's {@link LinearSGDTrainer} with the logistic loss
 * ({@link LogMulticlass} on the two labels) and AdaGrad, on features standardised here (mean 0, standard deviation
 * 1, so the weights are comparable and SGD converges), then a Platt calibration on a held-out slice of the rows.
 *
 * <p>The result is a {@link LinearModel}: Tribuo's two-label softmax is {@code p(1) = σ(s₁ − s₀)}, so the weight
 * of a feature is the difference of its two label weights, and the bias the difference of the two biases. The
 * scoring path never sees Tribuo.
 *
 * <p>Memory: Tribuo holds each row as an example object (names and doubles) and again as a vector while training,
 * some 2 KB per row of 61 features; the {@link TrainingSet} is already a bounded sample (the caller's capacity),
 * so the peak stays a few hundred MB for any organisation.
 */
public final class TribuoTrainer implements ModelTrainer {

    /** A slice of this share is held out to fit the calibration when the set is large enough for it. */
    static final double CALIBRATION_SHARE = 0.2;
    static final int MIN_ROWS_FOR_CALIBRATION = 2_000;
    static final Label POSITIVE = new Label("1");
    static final Label NEGATIVE = new Label("0");

    private final int epochs;

    public TribuoTrainer() {
        this(5);
    }

    public TribuoTrainer(int epochs) {
        this.epochs = epochs;
        // Tribuo logs progress through java.util.logging at INFO; a Lambda's log is not the place for it.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    @Override
    public LinearModel train(TrainingSet set, long seed) {
        Fitted fitted = fit(set, seed);
        return fitted.model();
    }

    /** The linear model and Tribuo's own model (kept for the test that the two agree). */
    record Fitted(LinearModel model, LinearSGDModel tribuo, String[] names) {}

    Fitted fit(TrainingSet set, long seed) {
        if (set.size() == 0) {
            throw new IllegalArgumentException("no rows to train on");
        }
        int width = set.width();
        List<String> names = width == Features.count() ? Features.names() : generic(width);
        double[] means = new double[width];
        double[] scales = new double[width];
        standardisation(set, means, scales);

        boolean[] calibration = new boolean[set.size()];
        int calibrationRows = 0;
        if (set.size() >= MIN_ROWS_FOR_CALIBRATION) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < set.size(); i++) {
                calibration[i] = random.nextDouble() < CALIBRATION_SHARE;
                calibrationRows += calibration[i] ? 1 : 0;
            }
        }

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("dialog rows", factory),
                factory);
        String[] featureNames = names.toArray(String[]::new);
        float[] row = new float[width];
        for (int i = 0; i < set.size(); i++) {
            if (!calibration[i]) {
                set.row(i, row);
                dataset.add(example(set.label(i) ? POSITIVE : NEGATIVE, featureNames, row, means, scales));
            }
        }
        if (dataset.getOutputInfo().getDomain().size() < 2) {
            throw new IllegalArgumentException("the rows hold only one outcome: nothing to learn");
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        LinearSGDModel tribuo = trainer.train(dataset);
        LinearModel model = extract(tribuo, names, means, scales);

        if (calibrationRows > 0) {
            double[] logits = new double[calibrationRows];
            byte[] labels = new byte[calibrationRows];
            int k = 0;
            for (int i = 0; i < set.size(); i++) {
                if (calibration[i]) {
                    set.row(i, row);
                    logits[k] = model.logit(row);
                    labels[k++] = (byte) (set.label(i) ? 1 : 0);
                }
            }
            double[] ab = Platt.fit(logits, labels, calibrationRows);
            model = model.calibrated(ab[0], ab[1]);
        }
        return new Fitted(model, tribuo, featureNames);
    }

    static Example<Label> example(Label label, String[] names, float[] row, double[] means, double[] scales) {
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = (row[j] - means[j]) / scales[j];
        }
        return new ArrayExample<>(label, names, values);
    }

    /** Tribuo's weight matrix is [label][feature id, then the bias]; p(1) = σ(s₁ − s₀). */
    static LinearModel extract(LinearSGDModel tribuo, List<String> names, double[] means, double[] scales) {
        DenseMatrix w = tribuo.getWeightsCopy();
        int positive = tribuo.getOutputIDInfo().getID(POSITIVE);
        int negative = tribuo.getOutputIDInfo().getID(NEGATIVE);
        ImmutableFeatureMap ids = tribuo.getFeatureIDMap();
        double[] weights = new double[names.size()];
        for (int j = 0; j < names.size(); j++) {
            int id = ids.getID(names.get(j));
            // A feature Tribuo never saw a non-zero value of has no weight: it contributes nothing.
            weights[j] = id < 0 ? 0 : w.get(positive, id) - w.get(negative, id);
        }
        int biasColumn = ids.size();
        double bias = w.get(positive, biasColumn) - w.get(negative, biasColumn);
        return new LinearModel(names, means, scales, weights, bias, 1, 0);
    }

    private static void standardisation(TrainingSet set, double[] means, double[] scales) {
        int width = set.width();
        double[] sumSquares = new double[width];
        for (int i = 0; i < set.size(); i++) {
            for (int j = 0; j < width; j++) {
                means[j] += set.value(i, j);
            }
        }
        for (int j = 0; j < width; j++) {
            means[j] /= set.size();
        }
        for (int i = 0; i < set.size(); i++) {
            for (int j = 0; j < width; j++) {
                double d = set.value(i, j) - means[j];
                sumSquares[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            double sd = Math.sqrt(sumSquares[j] / set.size());
            // A constant feature: any positive scale leaves it at 0 after centring.
            scales[j] = sd > 1e-9 ? sd : 1;
        }
    }

    private static List<String> generic(int width) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("x" + j);
        }
        return names;
    }
}
