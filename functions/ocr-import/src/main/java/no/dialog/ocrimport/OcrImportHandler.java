package no.dialog.ocrimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * Lambda entry point of the ocr-import function: Nets OCR giro files put into the imports bucket under
 * {@code ocr/<tenant>/} (S3 notifications via SQS) into the payment ledger ({@link OcrImportQueue}).
 */
public class OcrImportHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

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
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, "ocr-import");
        Context lambda = getApplicationContext().findBean(Context.class).orElse(null);
        if (lambda != null) {
            MDC.put(LogKeys.REQUEST_ID, lambda.getAwsRequestId());
        }
        return queue.process(event);
    }
}
