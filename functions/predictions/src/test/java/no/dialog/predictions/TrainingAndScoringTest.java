package no.dialog.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Reservations;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.predict.ModelCard;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.predict.ModelTraining;
import no.dialog.core.predict.PersonFacts;
import no.dialog.core.predict.PersonFactsSource;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predict.PredictionScoring;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.predictions.training.TribuoTrainer;
import org.junit.jupiter.api.Test;

/**
 * The weekly training and the nightly scoring of one organisation, with the real trainer, on regular givers whose
 * agreements stop more often after missed charges: the dropout model is trained, tested out of time, published
 * because it beats the baseline, and scores today's givers into the table; the other models say why they are not.
 */
class TrainingAndScoringTest {

    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
    private static final LocalDate TODAY = OsloTime.today(Clock.fixed(NOW, OsloTime.ZONE));

    /** People with two years of monthly charges; each month a giver stops with a probability set by missed charges. */
    private static List<PersonFacts> givers(int count) {
        List<PersonFacts> people = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            SplittableRandom random = new SplittableRandom(n * 7919L + 1);
            boolean objects = n % 100 == 0;
            Contact contact = new Contact("g-" + n, NOW, null, null, null, null, null, null, null, null, null, null,
                    null, null, objects ? Reservations.NONE.withProfilingObjection(true) : Reservations.NONE, null);
            double frailty = random.nextDouble();
            List<PersonFacts.Payment> payments = new ArrayList<>();
            int missedRecently = 0;
            for (LocalDate month = TODAY.minusMonths(30); !month.isAfter(TODAY); month = month.plusMonths(1)) {
                double stop = 0.01 + 0.06 * missedRecently + 0.02 * frailty;
                if (random.nextDouble() < stop) {
                    break;
                }
                boolean missed = random.nextDouble() < 0.05 + 0.15 * frailty;
                missedRecently = missed ? 3 : Math.max(0, missedRecently - 1);
                if (!missed) {
                    payments.add(new PersonFacts.Payment(month, 20_000, PaymentKind.GIFT, true));
                }
            }
            people.add(new PersonFacts(contact, payments, List.of()));
        }
        return people;
    }

    private record Source(List<PersonFacts> people) implements PersonFactsSource {
        @Override
        public void forEach(TenantId tenant, Consumer<PersonFacts> sink) {
            people.forEach(sink);
        }
    }

    private static final class Models implements ModelStore {
        final Map<TenantId, List<ModelCard>> cards = new HashMap<>();
        final Map<TenantId, ScoringSummary> scorings = new HashMap<>();

        @Override
        public void keep(TenantId tenant, List<ModelCard> kept) {
            cards.put(tenant, kept);
        }

        @Override
        public List<ModelCard> latest(TenantId tenant) {
            return cards.getOrDefault(tenant, List.of());
        }

        @Override
        public void scored(TenantId tenant, ScoringSummary summary) {
            scorings.put(tenant, summary);
        }

        @Override
        public Optional<ScoringSummary> lastScoring(TenantId tenant) {
            return Optional.ofNullable(scorings.get(tenant));
        }
    }

    private static final class Tables implements PredictionTables {
        final Map<TenantId, PredictionTable> tables = new HashMap<>();

        @Override
        public Optional<PredictionTable> latest(TenantId tenant) {
            return Optional.ofNullable(tables.get(tenant));
        }

        @Override
        public void publish(TenantId tenant, PredictionTable table) {
            tables.put(tenant, table);
        }

        @Override
        public boolean erase(TenantId tenant, String contactId) {
            boolean held = tables.containsKey(tenant) && tables.get(tenant).rowOf(contactId) >= 0;
            tables.computeIfPresent(tenant, (t, table) -> table.without(contactId));
            return held;
        }
    }

    @Test
    void theDropoutModelIsPublishedOutOfTimeAndScoresTodaysGiversButNeverAnObjector() {
        List<PersonFacts> people = givers(6000);
        Source source = new Source(people);
        Models models = new Models();
        Clock clock = Clock.fixed(NOW, OsloTime.ZONE);

        List<ModelCard> cards = new ModelTraining(source, new TribuoTrainer(), models, clock).train(TENANT);

        ModelCard dropout = cards.stream().filter(c -> c.kind() == ModelKind.DROPOUT_RISK).findFirst().orElseThrow();
        assertThat(dropout.published()).as(dropout.reason()).isTrue();
        assertThat(dropout.evaluation().auc()).isGreaterThan(dropout.evaluation().baselineAuc());
        assertThat(dropout.testedAsOf()).isEqualTo(TODAY.minusDays(90));
        assertThat(dropout.topFeatures()).isNotEmpty();
        assertThat(cards).filteredOn(c -> c.kind() == ModelKind.LAPSE_RISK).singleElement()
                .satisfies(lapse -> assertThat(lapse.reason()).startsWith("only 0 people in scope"));
        assertThat(models.latest(TENANT)).isEqualTo(cards);

        Tables tables = new Tables();
        ModelStore.ScoringSummary summary = new PredictionScoring(source, models, tables, clock).score(TENANT);

        PredictionTable table = tables.latest(TENANT).orElseThrow();
        assertThat(summary.contacts()).isEqualTo(6000);
        assertThat(summary.objected()).isEqualTo(60);
        assertThat(summary.scored()).isEqualTo(table.size()).isPositive();
        assertThat(table.find("g-0")).as("an objector").isEqualTo(Prediction.NONE);
        long active = people.stream().filter(p -> !p.contact().reservations().objectsToProfiling())
                .filter(p -> p.payments().stream().anyMatch(pay -> !pay.day().isBefore(TODAY.minusDays(45)))).count();
        assertThat(table.size()).isEqualTo((int) active);
        // Deciles split today's givers into tenths.
        long top = people.stream().map(p -> table.find(p.contact().id()).score(ModelKind.DROPOUT_RISK))
                .filter(s -> s.isPresent() && s.get().decile() == 10).count();
        assertThat((double) top / active).isBetween(0.07, 0.13);
    }
}
