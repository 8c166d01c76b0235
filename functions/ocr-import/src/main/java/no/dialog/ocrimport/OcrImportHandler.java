package no.dialog.ocrimport;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the ocr-import function: Nets OCR giro files put into the imports bucket under
 * {@code ocr/<tenant>/} (S3 notifications via SQS) into the payment ledger ({@link OcrImportQueue}).
 */
public class OcrImportHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    OcrImportQueue queue;

    /** Used by Lambda: builds the application context at init. */
    public OcrImportHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public OcrImportHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "ocr-import";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return queue.process(event);
    }
}
