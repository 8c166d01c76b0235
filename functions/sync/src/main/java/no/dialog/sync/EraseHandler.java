package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the erase function: erasures of a person (GDPR art. 17) from the erasures queue,
 * each run over every store by core's {@link no.dialog.core.privacy.Eraser} (docs/adr/0026-erasure.md).
 */
public class EraseHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    ErasureBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public EraseHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public EraseHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "erase";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
