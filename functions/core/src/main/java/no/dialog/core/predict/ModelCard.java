package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One trained model of one organisation as Dialog keeps it (S3) and shows it to staff: what it was trained on, how
 * it did out of time against the baseline, what it uses most, and, when published, the numbers to score with.
 * Holds no personal data: counts, rates and coefficients only.
 *
 * @param version     the training run, sortable ({@code 2026-12-06T01:00:12Z}); the same for every model of a run
 * @param trainedAsOf the cut of the published model's training rows (outcomes in the 90 days after it)
 * @param testedAsOf  the cut of the test rows; the evaluated model was trained one period earlier, so its figures
 *                    are out of time, as the published model's will be
 * @param reason      why the model is not published; null when it is
 * @param model       the numbers and decile cut points to score with; null when not published
 */
public record ModelCard(ModelKind kind, String version, Instant trainedAt, LocalDate trainedAsOf, LocalDate testedAsOf,
                        boolean published, String reason, Evaluation evaluation, List<FeatureImportance> topFeatures,
                        PublishedModel model) {

    public ModelCard {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        topFeatures = topFeatures == null ? List.of() : List.copyOf(topFeatures);
        if (published && model == null) {
            throw new IllegalArgumentException("a published model card carries its model");
        }
    }

    /** A model that could not even be trained (too few people in scope, or only one outcome among them). */
    public static ModelCard untrained(ModelKind kind, String version, Instant trainedAt, LocalDate trainedAsOf,
                                      LocalDate testedAsOf, String reason) {
        return new ModelCard(kind, version, trainedAt, trainedAsOf, testedAsOf, false, reason, null, List.of(), null);
    }
}
