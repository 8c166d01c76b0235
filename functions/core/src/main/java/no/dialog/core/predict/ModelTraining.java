package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * The weekly training of one organisation's models, on its own data, in two passes over its people:
 * <ol>
 *   <li>rows as of two cuts, {@code today − 180 days} and {@code today − 90 days}, each labelled with what happened
 *       in the 90 days after it ({@link Outcomes}); a model is trained on each;</li>
 *   <li>the older model is tested on the newer cut's people, beside the recency/frequency/monetary baseline: figures
 *       out of time, as the newer model will be used; and the newer model scores today's people in scope, whose
 *       spread gives the decile cut points.</li>
 * </ol>
 * The newer model is published when the older one beat the baseline on enough outcomes ({@link Publication});
 * otherwise its card says why and the fields stay empty. Two passes, not one that keeps everyone's facts: a
 * million people's payments do not fit in a function's memory, two reads of them cost cents.
 */
public final class ModelTraining {

    /** How far a cut looks ahead for the outcome (and so how far apart the cuts are). */
    public static final int HORIZON_DAYS = 90;
    /** At most this many rows per model and cut (a seeded sample beyond it): enough for ~100 coefficients. */
    public static final int MAX_ROWS = 300_000;
    /** Fewer rows than this, or no outcome of one kind, and there is nothing to learn. */
    public static final int MIN_ROWS = 200;

    private final PersonFactsSource people;
    private final ModelTrainer trainer;
    private final ModelStore store;
    private final Clock clock;

    public ModelTraining(PersonFactsSource people, ModelTrainer trainer, ModelStore store, Clock clock) {
        this.people = people;
        this.trainer = trainer;
        this.store = store;
        this.clock = clock;
    }

    /** Trains, evaluates and keeps every model of the tenant; returns the cards kept. */
    public List<ModelCard> train(TenantId tenant) {
        Instant now = clock.instant();
        String version = now.truncatedTo(ChronoUnit.SECONDS).toString();
        LocalDate today = OsloTime.today(clock);
        LocalDate older = today.minusDays(2L * HORIZON_DAYS);
        LocalDate newer = today.minusDays(HORIZON_DAYS);
        long seed = tenant.value().hashCode() * 31L + today.toEpochDay();

        TrainingSet.Collector olderRows = new TrainingSet.Collector(MAX_ROWS, seed);
        TrainingSet.Collector newerRows = new TrainingSet.Collector(MAX_ROWS, seed + 1);
        people.forEach(tenant, facts -> {
            olderRows.add(facts, older);
            newerRows.add(facts, newer);
        });
        Map<ModelKind, TrainingSet> olderSets = olderRows.build();
        Map<ModelKind, TrainingSet> newerSets = newerRows.build();

        Map<ModelKind, LinearModel> tested = new EnumMap<>(ModelKind.class);
        Map<ModelKind, LinearModel> candidates = new EnumMap<>(ModelKind.class);
        List<ModelCard> cards = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            String tooFew = tooFew(olderSets.get(kind), older);
            if (tooFew == null) {
                tooFew = tooFew(newerSets.get(kind), newer);
            }
            if (tooFew != null) {
                cards.add(ModelCard.untrained(kind, version, now, newer, newer, tooFew));
                continue;
            }
            tested.put(kind, trainer.train(olderSets.get(kind), seed + kind.ordinal()));
            candidates.put(kind, trainer.train(newerSets.get(kind), seed + 100 + kind.ordinal()));
        }
        if (!tested.isEmpty()) {
            cards.addAll(evaluate(tenant, version, now, today, newer, olderSets, tested, candidates));
        }
        cards.sort((a, b) -> a.kind().compareTo(b.kind()));
        store.keep(tenant, cards);
        return cards;
    }

    private List<ModelCard> evaluate(TenantId tenant, String version, Instant now, LocalDate today, LocalDate newer,
                                     Map<ModelKind, TrainingSet> olderSets, Map<ModelKind, LinearModel> tested,
                                     Map<ModelKind, LinearModel> candidates) {
        Map<ModelKind, Scores> test = new EnumMap<>(ModelKind.class);
        Map<ModelKind, Scores> population = new EnumMap<>(ModelKind.class);
        tested.keySet().forEach(kind -> {
            test.put(kind, new Scores());
            population.put(kind, new Scores());
        });
        float[] row = new float[Features.count()];
        people.forEach(tenant, facts -> {
            if (facts.contact().reservations().objectsToProfiling()) {
                return;
            }
            Features.extract(facts, newer, row);
            for (Map.Entry<ModelKind, LinearModel> entry : tested.entrySet()) {
                ModelKind kind = entry.getKey();
                Outcomes.label(kind, facts, newer).ifPresent(label -> test.get(kind).add(
                        (float) entry.getValue().probability(row), RfmBaseline.score(kind, facts, newer), label));
            }
            Features.extract(facts, today, row);
            for (Map.Entry<ModelKind, LinearModel> entry : candidates.entrySet()) {
                if (Outcomes.inScope(entry.getKey(), facts, today)) {
                    population.get(entry.getKey()).add((float) entry.getValue().probability(row), 0, false);
                }
            }
        });
        List<ModelCard> cards = new ArrayList<>();
        for (ModelKind kind : tested.keySet()) {
            Scores t = test.get(kind);
            Evaluation evaluation = Evaluation.of(kind, olderSets.get(kind), t.predicted, t.baseline, t.labels, t.n);
            LinearModel candidate = candidates.get(kind);
            Publication publication = Publication.decide(candidate, evaluation);
            Scores p = population.get(kind);
            boolean published = publication.published() && p.n > 0;
            String reason = publication.reason() != null ? publication.reason()
                    : p.n == 0 ? "nobody is in scope today" : null;
            cards.add(new ModelCard(kind, version, now, newer, newer, published, published ? null : reason, evaluation,
                    publication.topFeatures(),
                    published ? new PublishedModel(kind, candidate, Deciles.of(p.predicted, p.n)) : null));
        }
        return cards;
    }

    private static String tooFew(TrainingSet set, LocalDate cut) {
        if (set == null || set.size() < MIN_ROWS) {
            return String.format(java.util.Locale.ROOT, "only %d people in scope at %s (at least %d are needed)",
                    set == null ? 0 : set.size(), cut, MIN_ROWS);
        }
        if (set.positives() == 0 || set.positives() == set.size()) {
            return "everyone in scope at " + cut + " had the same outcome: nothing to learn";
        }
        return null;
    }

    /** Growing arrays of one model's scores, baseline scores and outcomes. */
    private static final class Scores {
        float[] predicted = new float[1024];
        float[] baseline = new float[1024];
        byte[] labels = new byte[1024];
        int n;

        void add(float p, float b, boolean label) {
            if (n == predicted.length) {
                predicted = Arrays.copyOf(predicted, n * 2);
                baseline = Arrays.copyOf(baseline, n * 2);
                labels = Arrays.copyOf(labels, n * 2);
            }
            predicted[n] = p;
            baseline[n] = b;
            labels[n] = (byte) (label ? 1 : 0);
            n++;
        }
    }
}
