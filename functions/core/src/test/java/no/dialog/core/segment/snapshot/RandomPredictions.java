package no.dialog.core.segment.snapshot;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;

/**
 * A random prediction table for most contacts and a few people who are not contacts, with every model but
 * one published (a condition on the unpublished one must match only notExists), scores left out now and then,
 * and probabilities from a small pool so that equality conditions match someone.
 */
final class RandomPredictions {

    /** Eighths are exact floats; tenths and 0.37 are not (their float is not the decimal a condition names). */
    private static final float[] PROBABILITIES = {0f, 0.125f, 0.25f, 0.5f, 0.625f, 0.875f, 1f, 0.1f, 0.3f, 0.7f, 0.37f};
    static final ModelKind UNPUBLISHED = ModelKind.RESPONSE_CALL;

    private final Random random;

    RandomPredictions(long seed) {
        this.random = new Random(seed);
    }

    static float pick(Random random) {
        return PROBABILITIES[random.nextInt(PROBABILITIES.length)];
    }

    /** Rows for about 70% of {@code contacts}, plus some ids that are not among them. */
    PredictionTable forContacts(List<Contact> contacts) {
        EnumSet<ModelKind> published = EnumSet.allOf(ModelKind.class);
        published.remove(UNPUBLISHED);
        PredictionTable.Builder builder = PredictionTable.builder(Instant.parse("2026-12-07T02:00:00Z"), published);
        for (Contact contact : contacts) {
            if (random.nextInt(100) < 70) {
                builder.add(contact.id(), prediction(published));
            }
        }
        for (int i = 0; i < 50; i++) {
            builder.add("SCORED-GONE-" + i, prediction(published));
        }
        return builder.build();
    }

    private Prediction prediction(EnumSet<ModelKind> published) {
        Map<ModelKind, Prediction.Score> scores = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : published) {
            if (random.nextInt(8) > 0) {
                scores.put(kind, new Prediction.Score(pick(random), 1 + random.nextInt(10)));
            }
        }
        Channel[] channels = {Channel.SMS, Channel.EMAIL, Channel.POST, Channel.PHONE};
        return new Prediction(scores,
                random.nextInt(6) == 0 ? Optional.empty() : Optional.of(channels[random.nextInt(channels.length)]),
                random.nextInt(6) == 0 ? Optional.empty() : Optional.of(random.nextInt(24)));
    }
}
