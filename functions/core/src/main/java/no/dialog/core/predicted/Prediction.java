package no.dialog.core.predicted;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Channel;

/**
 * What the published models say about one person: a score per model that was published for the
 * organisation (a model that did not beat its baseline has no score), the channel with the highest response
 * propensity among those the person can be reached on, and the hour of day they most likely respond.
 *
 * @param scores      per published model
 * @param bestChannel empty when no response model is published or no channel is open to the person
 * @param bestHour    0..23 (Europe/Oslo), within the hours Dialog may send; empty when unknown
 */
public record Prediction(Map<ModelKind, Score> scores, Optional<Channel> bestChannel, Optional<Integer> bestHour) {

    /** No prediction at all (not scored, objected to profiling, or no model published). */
    public static final Prediction NONE = new Prediction(Map.of(), Optional.empty(), Optional.empty());

    /** @param probability 0..1; @param decile 1 (lowest tenth of the organisation) .. 10 (highest) */
    public record Score(double probability, int decile) {
        public Score {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("a probability is between 0 and 1");
            }
            if (decile < 1 || decile > 10) {
                throw new IllegalArgumentException("a decile is between 1 and 10");
            }
        }
    }

    public Prediction {
        scores = scores == null || scores.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(scores));
        bestChannel = bestChannel == null ? Optional.empty() : bestChannel;
        bestHour = bestHour == null ? Optional.empty() : bestHour;
        bestHour.ifPresent(h -> {
            if (h < 0 || h > 23) {
                throw new IllegalArgumentException("an hour is 0..23");
            }
        });
    }

    public Optional<Score> score(ModelKind kind) {
        return Optional.ofNullable(scores.get(kind));
    }

    public boolean isEmpty() {
        return scores.isEmpty() && bestChannel.isEmpty() && bestHour.isEmpty();
    }
}
