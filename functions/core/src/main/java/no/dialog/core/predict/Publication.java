package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.util.List;
import java.util.Locale;

/**
 * Whether a trained model is good enough to be used: its AUC on the following period must beat the
 * {@link RfmBaseline}'s, and the test must hold enough positive outcomes for the AUC to mean something. A model
 * that is not published leaves its fields empty; the reason says why, with figures only (no personal data).
 *
 * <p>A plain record of plain values, so it is stored and served as JSON as it is (no {@code Optional} fields).
 *
 * @param reason why it was not published; null when published
 */
public record Publication(ModelKind kind, boolean published, String reason, Evaluation evaluation,
                          List<FeatureImportance> topFeatures) {

    /** Fewer positives than this in the test, and the AUC's uncertainty is too wide to trust. */
    public static final int MIN_TEST_POSITIVES = 50;
    public static final int TOP_FEATURES = 10;

    public static Publication decide(LinearModel model, Evaluation evaluation) {
        List<FeatureImportance> top = FeatureImportance.top(model, TOP_FEATURES);
        if (evaluation.testPositives() < MIN_TEST_POSITIVES) {
            return withheld(evaluation, top, String.format(Locale.ROOT,
                    "only %d positive outcomes in the test period (at least %d are needed)",
                    evaluation.testPositives(), MIN_TEST_POSITIVES));
        }
        if (Double.isNaN(evaluation.auc()) || !(evaluation.auc() > evaluation.baselineAuc())) {
            return withheld(evaluation, top, String.format(Locale.ROOT,
                    "AUC %.3f does not beat the recency/frequency/monetary baseline's %.3f",
                    evaluation.auc(), evaluation.baselineAuc()));
        }
        return new Publication(evaluation.kind(), true, null, evaluation, top);
    }

    private static Publication withheld(Evaluation evaluation, List<FeatureImportance> top, String reason) {
        return new Publication(evaluation.kind(), false, reason, evaluation, top);
    }
}
