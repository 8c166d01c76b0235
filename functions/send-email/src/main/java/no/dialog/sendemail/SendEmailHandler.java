package no.dialog.sendemail;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the send-email function: a batch of {@code SendRequest}s from the e-mail channel
 * queue, each sent at most once through Amazon SES (or SMTP). Thin on purpose: the rule is core's
 * {@code OnceSender} with {@code EmailDelivery}.
 */
public class SendEmailHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

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
    protected String function() {
        return "send-email";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
