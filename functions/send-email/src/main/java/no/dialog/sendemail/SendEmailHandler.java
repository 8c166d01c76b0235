package no.dialog.sendemail;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.aws.config.InvocationContext;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * Lambda entry point of the send-email function: a batch of {@code SendRequest}s from the e-mail channel
 * queue, each sent at most once through Amazon SES (or SMTP). Thin on purpose: the rule is core's
 * {@code OnceSender} with {@code EmailDelivery}.
 */
public class SendEmailHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SendEmailBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SendEmailHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SendEmailHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, "send-email");
        getApplicationContext().getBean(InvocationContext.class).requestId()
                .ifPresent(id -> MDC.put(LogKeys.REQUEST_ID, id));
        return processor.process(event);
    }
}
