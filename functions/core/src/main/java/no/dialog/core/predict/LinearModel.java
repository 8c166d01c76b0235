package no.dialog.core.predict;

import java.util.List;
import java.util.Objects;

/**
 * A published model as plain numbers: logistic regression on standardised features, with an optional Platt
 * calibration. This is the only way Dialog scores: the scoring functions need no machine-learning library, only
 * this record (read from JSON with Jackson).
 *
 * <pre>
 * z = bias + Σ weights[i] · (row[i] − means[i]) / scales[i]
 * p = σ(plattA · z + plattB),  σ(t) = 1 / (1 + e^−t)
 * </pre>
 *
 * @param features the {@link Features} names, in row order (a model trained on another registry is refused)
 * @param plattA   1 when uncalibrated
 * @param plattB   0 when uncalibrated
 */
public record LinearModel(List<String> features, double[] means, double[] scales, double[] weights, double bias,
                          double plattA, double plattB) {

    public LinearModel {
        features = List.copyOf(features);
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(scales, "scales");
        Objects.requireNonNull(weights, "weights");
        if (means.length != features.size() || scales.length != features.size() || weights.length != features.size()) {
            throw new IllegalArgumentException("a model has one mean, scale and weight per feature");
        }
        for (double scale : scales) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("a feature's scale is positive");
            }
        }
    }

    /** The same model with a Platt calibration of its score. */
    public LinearModel calibrated(double a, double b) {
        return new LinearModel(features, means, scales, weights, bias, a, b);
    }

    /** Whether the model was trained on the current feature registry (its rows mean what they say). */
    public boolean matches(List<String> registry) {
        return features.equals(registry);
    }

    /** The uncalibrated score z (log-odds before calibration). */
    public double logit(float[] row) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * ((row[i] - means[i]) / scales[i]);
        }
        return z;
    }

    public double probability(float[] row) {
        return sigmoid(plattA * logit(row) + plattB);
    }

    public static double sigmoid(double t) {
        return 1.0 / (1.0 + Math.exp(-t));
    }
}
