package no.dialog.core.predict;

/**
 * Platt scaling: fits {@code p = σ(a·z + b)} to outcomes, where z is a model's uncalibrated log-odds, by Newton's
 * method on the log-likelihood (two parameters, so it converges in a few steps). Fitted on rows the model was not
 * trained on, it corrects a model whose probabilities are too sure or not sure enough.
 */
public final class Platt {

    private Platt() {}

    /** @return {a, b}; {1, 0} when the rows hold only one outcome */
    public static double[] fit(double[] logits, byte[] labels, int n) {
        double a = 1;
        double b = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            positives += labels[i];
        }
        if (positives == 0 || positives == n) {
            return new double[] {1, 0};
        }
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < n; i++) {
                double z = logits[i];
                double p = LinearModel.sigmoid(a * z + b);
                double r = p - labels[i];
                double w = Math.max(p * (1 - p), 1e-12);
                ga += r * z;
                gb += r;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            haa += 1e-9;
            hbb += 1e-9;
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
