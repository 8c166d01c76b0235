package no.dialog.ocrimport;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.aws.config.InvocationContext;
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
        getApplicationContext().getBean(InvocationContext.class).requestId()
                .ifPresent(id -> MDC.put(LogKeys.REQUEST_ID, id));
        return queue.process(event);
    }
}
