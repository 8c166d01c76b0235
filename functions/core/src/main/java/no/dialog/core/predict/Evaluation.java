package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a model did on people it was not trained on (the following period): its AUC, the AUC of the
 * {@link RfmBaseline} on the same people, and a reliability table: the test people sorted by predicted
 * probability and cut into ten equal groups (deciles), each with its mean predicted probability, the share that
 * actually had the outcome, and its size. Holds only counts and rates, no personal data.
 *
 * @param maxCalibrationError the largest |mean predicted − observed| over the ten groups
 */
public record Evaluation(ModelKind kind, long trainingSize, long trainingPositives, long testSize, long testPositives,
                         double auc, double baselineAuc, List<Bin> reliability, double maxCalibrationError) {

    /** One decile of the test people by predicted probability. */
    public record Bin(int decile, double meanPredicted, double observed, long count) {}

    public Evaluation {
        reliability = List.copyOf(reliability);
    }

    /**
     * @param predicted the model's probabilities for the test people
     * @param baseline  the baseline's scores for the same people (only their order counts)
     * @param labels    the outcomes (1 or 0)
     * @param n         how many of the arrays' entries are used
     */
    public static Evaluation of(ModelKind kind, TrainingSet training, float[] predicted, float[] baseline, byte[] labels,
                                int n) {
        long positives = 0;
        for (int i = 0; i < n; i++) {
            positives += labels[i];
        }
        List<Bin> bins = reliability(predicted, labels, n);
        double max = bins.stream().mapToDouble(b -> Math.abs(b.meanPredicted() - b.observed())).max().orElse(Double.NaN);
        return new Evaluation(kind, training.size(), training.positives(), n, positives, auc(predicted, labels, n),
                auc(baseline, labels, n), bins, max);
    }

    /**
     * The area under the ROC curve: the chance that a random positive scores above a random negative, ties
     * counting half (the Mann-Whitney U statistic from mid-ranks). NaN when one class is missing.
     */
    public static double auc(float[] scores, byte[] labels, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPositives += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Ten groups of (nearly) equal size by predicted probability, lowest first. */
    public static List<Bin> reliability(float[] predicted, byte[] labels, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(predicted[a], predicted[b]));
        List<Bin> bins = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            if (to == from) {
                continue;
            }
            double sumPredicted = 0;
            long observed = 0;
            for (int k = from; k < to; k++) {
                sumPredicted += predicted[order[k]];
                observed += labels[order[k]];
            }
            int count = to - from;
            bins.add(new Bin(d + 1, sumPredicted / count, (double) observed / count, count));
        }
        return bins;
    }
}
