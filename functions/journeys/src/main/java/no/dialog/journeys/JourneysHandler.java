package no.dialog.journeys;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the journeys function: the journey-steps queue (enrolments to advance, the
 * minute sweep of the due index) and the responses queue (responses and organisation events).
 * Thin on purpose: the work is in core.
 */
public class JourneysHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    JourneysBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public JourneysHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public JourneysHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "journeys";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
