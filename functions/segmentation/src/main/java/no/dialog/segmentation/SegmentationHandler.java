package no.dialog.segmentation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the segmentation function: the segment-jobs queue (the minute tick from the
 * schedule, segment evaluations, enrolment chunks). Thin on purpose: the work is in core.
 */
public class SegmentationHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

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
    protected String function() {
        return "segmentation";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
