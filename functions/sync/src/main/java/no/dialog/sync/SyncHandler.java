package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the sync function: contact files (S3 notifications via SQS) and change
 * events (EventBridge via SQS) into Contacts. Thin on purpose: the work is in core.
 */
public class SyncHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SyncBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SyncHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SyncHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "sync";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        Context lambda = lambdaContext();
        LongSupplier remaining = lambda == null ? () -> Long.MAX_VALUE : lambda::getRemainingTimeInMillis;
        return processor.process(event, remaining);
    }
}
