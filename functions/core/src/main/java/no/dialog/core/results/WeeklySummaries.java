package no.dialog.core.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the weekly results summary of every active journey of every tenant: the journey's results as CSV
 * ({@link ResultsCsv}) and as a PDF ({@link SummaryDocument}), named by the last whole ISO week
 * ({@link ResultsWeek#lastCompleteBefore}), into the tenant's prefix of the exports bucket
 * ({@link SummaryFiles}). Running it again for the same week writes the same names again, so a retried run is
 * harmless. One journey that fails does not stop the others; the run reports how many failed.
 */
public final class WeeklySummaries {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklySummaries.class);

    private final TenantDirectory tenants;
    private final JourneyStore journeys;
    private final JourneyResultsSource results;
    private final SummaryDocument document;
    private final SummaryFiles files;
    private final Clock clock;

    public WeeklySummaries(TenantDirectory tenants, JourneyStore journeys, JourneyResultsSource results,
            SummaryDocument document, SummaryFiles files, Clock clock) {
        this.tenants = tenants;
        this.journeys = journeys;
        this.results = results;
        this.document = document;
        this.files = files;
        this.clock = clock;
    }

    /** What a run did. */
    public record Report(ResultsWeek week, int written, int failed) {}

    public Report writeLastWeek() {
        ResultsWeek week = ResultsWeek.lastCompleteBefore(clock.instant());
        int written = 0;
        int failed = 0;
        for (TenantId tenant : tenants.all()) {
            for (JourneyHead journey : journeys.list(tenant)) {
                if (journey.status() != JourneyStatus.ACTIVE) {
                    continue;
                }
                try {
                    write(tenant, journey, week);
                    written++;
                } catch (RuntimeException e) {
                    // Ids only: a journey's results hold no personal data, and neither does this line.
                    LOG.error("weekly summary failed tenant={} journey={} week={}", tenant.value(),
                            journey.journeyId(), week, e);
                    failed++;
                }
            }
        }
        return new Report(week, written, failed);
    }

    /** One journey's summary of one week. */
    public void write(TenantId tenant, JourneyHead journey, ResultsWeek week) {
        ObjectNode json = results.results(tenant, journey.journeyId());
        files.put(tenant, journey.journeyId(), week, SummaryFiles.Format.CSV, ResultsCsv.of(json));
        files.put(tenant, journey.journeyId(), week, SummaryFiles.Format.PDF,
                document.render(journey.name(), week, json));
    }
}
