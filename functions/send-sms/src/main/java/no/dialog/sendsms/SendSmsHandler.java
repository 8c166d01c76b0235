package no.dialog.sendsms;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the send-sms function: a batch of {@code SendRequest}s from the SMS channel
 * queue, each sent at most once through LINK Mobility. Thin on purpose: the rule is core's
 * {@code OnceSender}.
 */
public class SendSmsHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SendSmsBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SendSmsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SendSmsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "send-sms";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
