package no.dialog.predictions;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.predict.ModelCard;
import no.dialog.core.predict.ModelTraining;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the train-models function, on a schedule (Sundays 02:00 Europe/Oslo): trains, evaluates
 * and keeps every organisation's models ({@link ModelTraining}). The event carries nothing it needs. A tenant whose
 * training failed is logged and the others are trained; the invocation then fails, so the errors alarm says so.
 */
public class TrainModelsHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainModelsHandler.class);

    @Inject
    TenantDirectory tenants;

    @Inject
    ModelTraining training;

    /** Used by Lambda: builds the application context at init. */
    public TrainModelsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public TrainModelsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "train-models";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        Map<String, Object> published = new LinkedHashMap<>();
        int failed = 0;
        for (TenantId tenant : tenants.all()) {
            try {
                long started = System.nanoTime();
                List<ModelCard> cards = training.train(tenant);
                List<String> names = cards.stream().filter(ModelCard::published).map(c -> c.kind().field()).toList();
                LOG.info("tenant {}: models trained in {} ms; published: {}; not published: {}", tenant,
                        (System.nanoTime() - started) / 1_000_000, names, cards.stream().filter(c -> !c.published())
                                .map(c -> c.kind().field() + " (" + c.reason() + ")").toList());
                published.put(tenant.value(), names);
            } catch (RuntimeException e) {
                failed++;
                LOG.error("tenant {}: training failed", tenant, e);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " tenants' training failed; see the log lines before this one");
        }
        return Map.of("published", published);
    }
}
