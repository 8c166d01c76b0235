package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import no.dialog.aws.config.InvocationContext;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * Lambda entry point of the sync function: contact files (S3 notifications via SQS) and change
 * events (EventBridge via SQS) into Contacts. Thin on purpose: the work is in core.
 */
public class SyncHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

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
    public SQSBatchResponse execute(SQSEvent event) {
        // MicronautRequestHandler hands the invocation's Lambda context to InvocationContext before execute.
        MDC.put(LogKeys.FUNCTION, "sync");
        Context lambda = getApplicationContext().getBean(InvocationContext.class).current().orElse(null);
        if (lambda != null) {
            MDC.put(LogKeys.REQUEST_ID, lambda.getAwsRequestId());
        }
        LongSupplier remaining = lambda == null ? () -> Long.MAX_VALUE : lambda::getRemainingTimeInMillis;
        return processor.process(event, remaining);
    }
}
