package no.dialog.core.predict;

import java.util.Arrays;

/**
 * Where a probability stands among the organisation's people: nine cut points taken from the probabilities of
 * the people scored (those in the model's scope), so decile 10 is the tenth with the highest probabilities.
 *
 * @param cuts nine ascending probabilities; a probability above {@code cuts[k-1]} is in decile k+1 or higher
 */
public record Deciles(double[] cuts) {

    public Deciles {
        if (cuts.length != 9) {
            throw new IllegalArgumentException("deciles have nine cut points");
        }
        for (int i = 1; i < cuts.length; i++) {
            if (cuts[i] < cuts[i - 1]) {
                throw new IllegalArgumentException("cut points ascend");
            }
        }
        cuts = cuts.clone();
    }

    /** The cut points of the first {@code n} scores (which are not changed). */
    public static Deciles of(float[] scores, int n) {
        if (n < 10) {
            throw new IllegalArgumentException("deciles need at least ten scores");
        }
        float[] sorted = Arrays.copyOf(scores, n);
        Arrays.sort(sorted);
        double[] cuts = new double[9];
        for (int k = 1; k <= 9; k++) {
            cuts[k - 1] = sorted[(int) ((long) n * k / 10) - 1];
        }
        return new Deciles(cuts);
    }

    /** 1 (lowest tenth) .. 10 (highest). */
    public int decile(double probability) {
        int decile = 1;
        for (double cut : cuts) {
            if (probability > cut) {
                decile++;
            }
        }
        return decile;
    }
}
