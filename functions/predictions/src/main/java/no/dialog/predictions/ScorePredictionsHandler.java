package no.dialog.predictions;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.predict.PredictionScoring;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the score-predictions function, on a schedule (nightly 03:30 Europe/Oslo): scores every
 * contact of every organisation with its published models and replaces its score table ({@link PredictionScoring}).
 * An organisation never trained is skipped. A tenant whose scoring failed keeps yesterday's table; the invocation
 * then fails, so the errors alarm says so.
 */
public class ScorePredictionsHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ScorePredictionsHandler.class);

    @Inject
    TenantDirectory tenants;

    @Inject
    ModelStore models;

    @Inject
    PredictionScoring scoring;

    /** Used by Lambda: builds the application context at init. */
    public ScorePredictionsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public ScorePredictionsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "score-predictions";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        Map<String, Object> scored = new LinkedHashMap<>();
        int failed = 0;
        for (TenantId tenant : tenants.all()) {
            if (models.latest(tenant).isEmpty()) {
                continue; // never trained: nothing to score with, and no table to clear
            }
            try {
                long started = System.nanoTime();
                ModelStore.ScoringSummary summary = scoring.score(tenant);
                LOG.info("tenant {}: {} of {} contacts scored in {} ms ({} object to profiling)", tenant,
                        summary.scored(), summary.contacts(), (System.nanoTime() - started) / 1_000_000,
                        summary.objected());
                scored.put(tenant.value(), summary.scored());
            } catch (RuntimeException e) {
                failed++;
                LOG.error("tenant {}: scoring failed", tenant, e);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " tenants' scoring failed; see the log lines before this one");
        }
        return Map.of("scored", scored);
    }
}
