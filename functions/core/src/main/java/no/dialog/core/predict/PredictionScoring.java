package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * The nightly scoring of one organisation: every person, as of today, with the published models of the last
 * training run, into a new score table that replaces the last one whole (ADR 0037). Someone who objects to
 * profiling gets no row; a person no published model is about gets none either. Without a published model the
 * table is written empty, so scores of a model that has since been withdrawn do not linger.
 */
public final class PredictionScoring {

    private final PersonFactsSource people;
    private final ModelStore models;
    private final PredictionTables tables;
    private final Clock clock;

    public PredictionScoring(PersonFactsSource people, ModelStore models, PredictionTables tables, Clock clock) {
        this.people = people;
        this.models = models;
        this.tables = tables;
        this.clock = clock;
    }

    /** Scores the tenant and publishes the table; returns what it did, in counts. */
    public ModelStore.ScoringSummary score(TenantId tenant) {
        Instant now = clock.instant();
        LocalDate today = OsloTime.today(clock);
        List<ModelCard> cards = models.latest(tenant);
        Map<ModelKind, PublishedModel> published = new EnumMap<>(ModelKind.class);
        cards.stream().filter(ModelCard::published).forEach(card -> published.put(card.kind(), card.model()));
        String version = cards.isEmpty() ? null : cards.get(0).version();

        ResponseHours hours = ResponseHours.empty();
        if (published.keySet().stream().anyMatch(kind -> kind.channel().isPresent())) {
            // The organisation's own response hours: the fallback best hour of people with none of their own.
            people.forEach(tenant, facts -> {
                if (!facts.contact().reservations().objectsToProfiling()) {
                    hours.add(facts, today);
                }
            });
        }
        Scorer scorer = new Scorer(published, hours, QuietHours.DEFAULT);
        PredictionTable.Builder table = PredictionTable.builder(now, published.keySet());
        long[] counts = new long[3]; // contacts, scored, objected
        people.forEach(tenant, facts -> {
            counts[0]++;
            if (facts.contact().reservations().objectsToProfiling()) {
                counts[2]++;
                return;
            }
            Prediction prediction = scorer.score(facts, today);
            if (!prediction.isEmpty()) {
                table.add(facts.contact().id(), prediction);
                counts[1]++;
            }
        });
        tables.publish(tenant, table.build());
        ModelStore.ScoringSummary summary = new ModelStore.ScoringSummary(now, version, counts[0], counts[1], counts[2]);
        models.scored(tenant, summary);
        return summary;
    }
}
