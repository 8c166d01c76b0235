package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/** Lambda entry point of the Vipps events queue ({@link VippsEvents}). */
public class VippsEventsHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    VippsEvents events;

    /** Used by Lambda: builds the application context at init. */
    public VippsEventsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public VippsEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "vipps-events";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return events.process(event);
    }
}
