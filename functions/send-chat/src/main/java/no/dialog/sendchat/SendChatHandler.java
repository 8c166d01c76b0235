package no.dialog.sendchat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.aws.config.InvocationContext;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * Lambda entry point of the send-chat function: a batch of {@code SendRequest}s from the chat channel
 * queue, each sent at most once through LINK Conversations with a reply webhook. Thin on purpose: the
 * rule is core's {@code OnceSender}.
 */
public class SendChatHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

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
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, "send-chat");
        getApplicationContext().getBean(InvocationContext.class).requestId()
                .ifPresent(id -> MDC.put(LogKeys.REQUEST_ID, id));
        return processor.process(event);
    }
}
