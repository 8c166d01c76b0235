package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Channel;

/**
 * Turns one person's facts into a {@link Prediction} with the organisation's published models: a score (with its
 * decile) for each model the person is in scope of ({@link Outcomes#inScope}), the best channel and the best hour.
 * A person who objected to profiling gets {@link Prediction#NONE}. Not thread-safe (it reuses one feature row):
 * one per thread.
 */
public final class Scorer {

    private final Map<ModelKind, PublishedModel> models;
    private final ResponseHours responseHours;
    private final QuietHours quietHours;
    private final float[] row = new float[Features.count()];

    public Scorer(Map<ModelKind, PublishedModel> models, ResponseHours responseHours, QuietHours quietHours) {
        List<String> registry = Features.names();
        for (PublishedModel published : models.values()) {
            if (!published.model().matches(registry)) {
                throw new IllegalArgumentException("the " + published.kind().field()
                        + " model was trained on other features: retrain it");
            }
        }
        this.models = new EnumMap<>(models);
        this.responseHours = responseHours;
        this.quietHours = quietHours;
    }

    public Prediction score(PersonFacts facts, LocalDate today) {
        if (facts.contact().reservations().objectsToProfiling() || models.isEmpty()) {
            return Prediction.NONE;
        }
        Features.extract(facts, today, row);
        Map<ModelKind, Prediction.Score> scores = new EnumMap<>(ModelKind.class);
        for (PublishedModel published : models.values()) {
            if (Outcomes.inScope(published.kind(), facts, today)) {
                double p = published.model().probability(row);
                scores.put(published.kind(), new Prediction.Score(p, published.deciles().decile(p)));
            }
        }
        Optional<Channel> bestChannel = BestChannel.of(facts.contact(), scores);
        Optional<Integer> bestHour = bestChannel.isEmpty() ? Optional.empty()
                : BestHour.of(facts, today, bestChannel.get(), responseHours, quietHours);
        return new Prediction(scores, bestChannel, bestHour);
    }

    /** The probability of one model for a person in its scope, without deciles (to find the cut points). */
    public Optional<Double> probability(ModelKind kind, PersonFacts facts, LocalDate today) {
        PublishedModel published = models.get(kind);
        if (published == null || facts.contact().reservations().objectsToProfiling()
                || !Outcomes.inScope(kind, facts, today)) {
            return Optional.empty();
        }
        Features.extract(facts, today, row);
        return Optional.of(published.model().probability(row));
    }
}
