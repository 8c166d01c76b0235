package no.dialog.segmentation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.aws.config.InvocationContext;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * Lambda entry point of the segmentation function: the segment-jobs queue (the minute tick from the
 * schedule, segment evaluations, enrolment chunks). Thin on purpose: the work is in core.
 */
public class SegmentationHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SegmentationBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SegmentationHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SegmentationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, "segmentation");
        getApplicationContext().getBean(InvocationContext.class).requestId()
                .ifPresent(id -> MDC.put(LogKeys.REQUEST_ID, id));
        return processor.process(event);
    }
}
