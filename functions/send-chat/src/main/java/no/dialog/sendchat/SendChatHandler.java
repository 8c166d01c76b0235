package no.dialog.sendchat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the send-chat function: a batch of {@code SendRequest}s from the chat channel
 * queue, each sent at most once through LINK Conversations with a reply webhook. Thin on purpose: the
 * rule is core's {@code OnceSender}.
 */
public class SendChatHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    SendChatBatchProcessor processor;

    /** Used by Lambda: builds the application context at init. */
    public SendChatHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SendChatHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "send-chat";
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        return processor.process(event);
    }
}
