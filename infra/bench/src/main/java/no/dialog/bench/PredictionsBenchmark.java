package no.dialog.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.predict.Deciles;
import no.dialog.core.predict.Evaluation;
import no.dialog.core.predict.FeatureImportance;
import no.dialog.core.predict.Features;
import no.dialog.core.predict.LinearModel;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.Outcomes;
import no.dialog.core.predict.PersonFacts;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predict.Publication;
import no.dialog.core.predict.PublishedModel;
import no.dialog.core.predict.ResponseHours;
import no.dialog.core.predict.RfmBaseline;
import no.dialog.core.predict.Scorer;
import no.dialog.core.predict.TrainingSet;
import no.dialog.local.demo.PlantedBehaviour;
import no.dialog.predictions.training.TribuoTrainer;

/**
 * The quality and cost of Dialog's prediction models (issue 16, ADR 0036) on people whose behaviour follows
 * planted probabilities ({@link PlantedBehaviour}), so the truth is known. For each model: trained on the rows as
 * of {@link PlantedBehaviour#TRAINING_AS_OF} (outcomes in the 90 days after), tested on everyone eligible as of
 * {@link PlantedBehaviour#TEST_AS_OF} (the following 90 days, with drift). Printed per model: AUC, the oracle AUC of
 * the generator's true probabilities on the same test people, their ratio, the RFM baseline's AUC, the reliability
 * table and its largest calibration error, the training-set size, training time and heap; then the time to score
 * everyone as of {@link PlantedBehaviour#END} (features, linear models, deciles, best channel and hour). Every target
 * of the issue is printed with ✓ or ✗.
 *
 * <p>People are generated again for each pass instead of being held (a million {@link PersonFacts} would not fit
 * in the 3 GB the training may use); generation is timed apart from scoring. The training time includes
 * generating and reading the people, as the real function reads its snapshot.
 *
 * <p>{@code infra/bench/run predictions [contacts=1000000]}, with {@code -Xmx3g}.
 */
public final class PredictionsBenchmark {

    static final long SEED = 20_261_216L;
    /** Rows kept per model (a seeded uniform sample beyond this): the memory bound of training. */
    static final int CAPACITY = 250_000;
    static final double ORACLE_SHARE = 0.95;
    static final double MAX_CALIBRATION_ERROR = 0.05;
    static final double MAX_TRAIN_SECONDS = 600;
    static final long MAX_TRAIN_HEAP_MIB = 3 * 1024;
    static final double MAX_SCORE_SECONDS = 120;

    private PredictionsBenchmark() {}

    /** One model's figures. {@code mismatches}: test people the generator had no truth for (should be 0). */
    record ModelFigures(ModelKind kind, long eligible, int kept, int keptPositives, double trainSeconds,
                        Evaluation evaluation, double oracleAuc, long mismatches, Publication publication,
                        double trainingQuarterCalibrationError) {

        double ratio() {
            return evaluation.auc() / oracleAuc;
        }
    }

    record Result(int contacts, List<ModelFigures> models, double collectSeconds, double trainSeconds,
                  long trainHeapPeakMiB, long trainHeapAfterGcMiB, double scoreSeconds, double generateSeconds,
                  long scored, long withScore, long withBestChannel, long withBestHour, long objectors) {}

    public static void main(String[] args) {
        int contacts = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        run(contacts);
    }

    static Result run(int contacts) {
        PlantedBehaviour people = new PlantedBehaviour(SEED);
        System.out.printf(Locale.ROOT, "Predictions: %,d contacts (seed %d); trained as of %s, tested as of %s"
                        + " (outcomes in the following 90 days), scored as of %s; %d features, at most %,d rows per model%n",
                contacts, SEED, PlantedBehaviour.TRAINING_AS_OF, PlantedBehaviour.TEST_AS_OF, PlantedBehaviour.END,
                Features.count(), CAPACITY);
        try (HeapPeak heap = new HeapPeak()) {
            // Training: rows as of T0, then one model per kind.
            heap.reset();
            long started = System.nanoTime();
            TrainingSet.Collector collector = new TrainingSet.Collector(CAPACITY, SEED);
            ResponseHours hours = ResponseHours.empty();
            for (int n = 0; n < contacts; n++) {
                PersonFacts facts = people.person(n).facts();
                collector.add(facts, PlantedBehaviour.TRAINING_AS_OF);
                if (!facts.contact().reservations().objectsToProfiling()) {
                    hours.add(facts, PlantedBehaviour.TRAINING_AS_OF);
                }
            }
            Map<ModelKind, TrainingSet> sets = collector.build();
            collector = null;
            double collectSeconds = seconds(started);
            System.out.printf(Locale.ROOT, "Training rows: %,d people read in %.1f s (generation included)%n", contacts,
                    collectSeconds);
            Map<ModelKind, LinearModel> models = new EnumMap<>(ModelKind.class);
            Map<ModelKind, Double> trainSeconds = new EnumMap<>(ModelKind.class);
            TribuoTrainer trainer = new TribuoTrainer();
            for (ModelKind kind : ModelKind.values()) {
                long t = System.nanoTime();
                models.put(kind, trainer.train(sets.get(kind), SEED + kind.ordinal()));
                trainSeconds.put(kind, seconds(t));
            }
            double trainTotal = seconds(started);
            long trainPeak = heap.peakMiB();
            long trainAfterGc = heap.peakAfterGcMiB();

            // Test: everyone eligible as of the following period, against the planted truth.
            Map<ModelKind, Column> test = new EnumMap<>(ModelKind.class);
            Map<ModelKind, Column> population = new EnumMap<>(ModelKind.class);
            // The training quarter again (as of T0), to tell the model's own calibration from the drift's.
            Map<ModelKind, Column> trainingQuarter = new EnumMap<>(ModelKind.class);
            for (ModelKind kind : ModelKind.values()) {
                test.put(kind, new Column());
                trainingQuarter.put(kind, new Column());
                population.put(kind, new Column());
            }
            long[] mismatches = new long[ModelKind.values().length];
            float[] row = new float[Features.count()];
            for (int n = 0; n < contacts; n++) {
                PlantedBehaviour.Person person = people.person(n);
                PersonFacts facts = person.facts();
                if (facts.contact().reservations().objectsToProfiling()) {
                    continue;
                }
                Features.extract(facts, PlantedBehaviour.TRAINING_AS_OF, row);
                for (ModelKind kind : ModelKind.values()) {
                    Optional<Boolean> label = Outcomes.label(kind, facts, PlantedBehaviour.TRAINING_AS_OF);
                    if (label.isPresent()) {
                        trainingQuarter.get(kind).add((float) models.get(kind).probability(row), 0,
                                (byte) (label.get() ? 1 : 0), 0);
                    }
                }
                Features.extract(facts, PlantedBehaviour.TEST_AS_OF, row);
                for (ModelKind kind : ModelKind.values()) {
                    double p = models.get(kind).probability(row);
                    if (Outcomes.inScope(kind, facts, PlantedBehaviour.TEST_AS_OF)) {
                        population.get(kind).add((float) p, 0, (byte) 0, 0);
                    }
                    Optional<Boolean> label = Outcomes.label(kind, facts, PlantedBehaviour.TEST_AS_OF);
                    if (label.isEmpty()) {
                        continue;
                    }
                    OptionalDouble truth = PlantedBehaviour.trueProbability(kind, person, PlantedBehaviour.TEST_AS_OF);
                    if (truth.isEmpty()) {
                        mismatches[kind.ordinal()]++;
                        continue;
                    }
                    test.get(kind).add((float) p, RfmBaseline.score(kind, facts, PlantedBehaviour.TEST_AS_OF),
                            (byte) (label.get() ? 1 : 0), (float) truth.getAsDouble());
                }
            }
            List<ModelFigures> figures = new ArrayList<>();
            Map<ModelKind, PublishedModel> published = new EnumMap<>(ModelKind.class);
            for (ModelKind kind : ModelKind.values()) {
                Column c = test.get(kind);
                TrainingSet set = sets.get(kind);
                Evaluation evaluation = Evaluation.of(kind, set, c.predicted, c.baseline, c.labels, c.size);
                double oracle = Evaluation.auc(c.truth, c.labels, c.size);
                Publication publication = Publication.decide(models.get(kind), evaluation);
                Column own = trainingQuarter.get(kind);
                double ownError = Evaluation.reliability(own.predicted, own.labels, own.size).stream()
                        .mapToDouble(b -> Math.abs(b.meanPredicted() - b.observed())).max().orElse(Double.NaN);
                ModelFigures f = new ModelFigures(kind, set.seen(), set.size(), set.positives(), trainSeconds.get(kind),
                        evaluation, oracle, mismatches[kind.ordinal()], publication, ownError);
                figures.add(f);
                print(f);
                Column pop = population.get(kind);
                if (publication.published() && pop.size >= 10) {
                    published.put(kind, new PublishedModel(kind, models.get(kind), Deciles.of(pop.predicted, pop.size)));
                }
            }
            System.out.printf(Locale.ROOT, "Training of %,d contacts: %.1f s %s (≤ %.0f s), heap peak %,d MiB %s (≤ %,d MiB;"
                            + " %,d MiB right after a collection)%n", contacts, trainTotal,
                    mark(trainTotal <= MAX_TRAIN_SECONDS), MAX_TRAIN_SECONDS, trainPeak,
                    mark(trainPeak <= MAX_TRAIN_HEAP_MIB), MAX_TRAIN_HEAP_MIB, trainAfterGc);

            // Nightly scoring: everyone, with the published models.
            Scorer scorer = new Scorer(published, hours, QuietHours.DEFAULT);
            long scoring = 0;
            long generating = 0;
            long withScore = 0, withChannel = 0, withHour = 0, objectors = 0;
            for (int n = 0; n < contacts; n++) {
                long g = System.nanoTime();
                PersonFacts facts = people.person(n).facts();
                long s = System.nanoTime();
                Prediction prediction = scorer.score(facts, PlantedBehaviour.END);
                long e = System.nanoTime();
                generating += s - g;
                scoring += e - s;
                withScore += prediction.scores().isEmpty() ? 0 : 1;
                withChannel += prediction.bestChannel().isPresent() ? 1 : 0;
                withHour += prediction.bestHour().isPresent() ? 1 : 0;
                objectors += facts.contact().reservations().objectsToProfiling() ? 1 : 0;
            }
            double scoreSeconds = scoring / 1e9;
            System.out.printf(Locale.ROOT, "Scoring %,d contacts as of %s with %d published models: %.1f s %s (≤ %.0f s),"
                            + " %,.0f a second (generating them took another %.1f s, not counted); %,d with a score,"
                            + " %,d with a best channel, %,d with a best hour, %,d objected to profiling (no prediction)%n",
                    contacts, PlantedBehaviour.END, published.size(), scoreSeconds,
                    mark(scoreSeconds <= MAX_SCORE_SECONDS), MAX_SCORE_SECONDS, contacts / Math.max(scoreSeconds, 1e-9),
                    generating / 1e9, withScore, withChannel, withHour, objectors);
            return new Result(contacts, figures, collectSeconds, trainTotal, trainPeak, trainAfterGc, scoreSeconds,
                    generating / 1e9, contacts, withScore, withChannel, withHour, objectors);
        }
    }

    private static void print(ModelFigures f) {
        Evaluation e = f.evaluation();
        System.out.printf(Locale.ROOT, "%s (%s)%n", f.kind().field(), f.kind().labelEn());
        System.out.printf(Locale.ROOT, "  training: %,d eligible as of %s, %,d rows used (%,d positive), trained in %.1f s%n",
                f.eligible(), PlantedBehaviour.TRAINING_AS_OF, f.kept(), f.keptPositives(), f.trainSeconds());
        System.out.printf(Locale.ROOT, "  test: %,d people as of %s, %,d positive (%,d without a planted truth)%n",
                e.testSize(), PlantedBehaviour.TEST_AS_OF, e.testPositives(), f.mismatches());
        System.out.printf(Locale.ROOT, "  AUC %.3f, oracle AUC %.3f, ratio %.3f %s (≥ %.2f); RFM baseline AUC %.3f %s (model above)%n",
                e.auc(), f.oracleAuc(), f.ratio(), mark(f.ratio() >= ORACLE_SHARE), ORACLE_SHARE, e.baselineAuc(),
                mark(e.auc() > e.baselineAuc()));
        System.out.println("  reliability by predicted decile: mean predicted / observed / people");
        for (Evaluation.Bin bin : e.reliability()) {
            System.out.printf(Locale.ROOT, "    %2d  %.3f / %.3f / %,d%n", bin.decile(), bin.meanPredicted(), bin.observed(),
                    bin.count());
        }
        System.out.printf(Locale.ROOT, "  max calibration error %.3f %s (≤ %.2f per decile); on the training quarter"
                        + " (as of %s, no drift) %.3f%n", e.maxCalibrationError(),
                mark(e.maxCalibrationError() <= MAX_CALIBRATION_ERROR), MAX_CALIBRATION_ERROR,
                PlantedBehaviour.TRAINING_AS_OF, f.trainingQuarterCalibrationError());
        StringBuilder top = new StringBuilder();
        for (FeatureImportance fi : f.publication().topFeatures().subList(0, Math.min(5, f.publication().topFeatures().size()))) {
            top.append(String.format(Locale.ROOT, "%s %s (%+.2f), ", fi.feature(), fi.direction(), fi.weight()));
        }
        System.out.printf(Locale.ROOT, "  top features: %s%n", top.length() > 2 ? top.substring(0, top.length() - 2) : "none");
        System.out.printf(Locale.ROOT, "  %s%n", f.publication().published() ? "published"
                : "not published: " + f.publication().reason());
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Growable columns of one model's test people. */
    private static final class Column {
        float[] predicted = new float[1024];
        float[] baseline = new float[1024];
        byte[] labels = new byte[1024];
        float[] truth = new float[1024];
        int size;

        void add(float p, float base, byte label, float true_) {
            if (size == labels.length) {
                int grown = size * 2;
                predicted = Arrays.copyOf(predicted, grown);
                baseline = Arrays.copyOf(baseline, grown);
                labels = Arrays.copyOf(labels, grown);
                truth = Arrays.copyOf(truth, grown);
            }
            predicted[size] = p;
            baseline[size] = base;
            labels[size] = label;
            truth[size] = true_;
            size++;
        }
    }
}
