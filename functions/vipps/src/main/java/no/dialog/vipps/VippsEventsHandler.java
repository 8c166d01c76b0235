package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/** Lambda entry point of the Vipps events queue ({@link VippsEvents}). */
public class VippsEventsHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

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
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, "vipps-events");
        return events.process(event);
    }
}
