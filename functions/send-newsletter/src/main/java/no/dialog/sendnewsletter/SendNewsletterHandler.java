package no.dialog.sendnewsletter;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the send-newsletter function: a batch of {@code SendRequest}s from the newsletter channel
 * queue: each person added at most once to the Make list the template names. Thin on purpose: the
 * rule is core's {@code OnceSender}.
 */
public class SendNewsletterHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SendNewsletterBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SendNewsletterHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SendNewsletterHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "send-newsletter";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
