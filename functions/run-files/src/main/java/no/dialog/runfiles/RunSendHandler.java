package no.dialog.runfiles;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.aws.send.SendQueueProcessor;

/**
 * What the three run-file sender functions share: a batch of {@code SendRequest}s from the channel's queue,
 * each passed through core's {@code OnceSender} and staged in its run. Each subclass names its channel.
 */
abstract class RunSendHandler extends DialogRequestHandler<SQSEvent, SQSBatchResponse> {

    private final String function;
    private final String channel;
    private SendQueueProcessor processor;

    RunSendHandler(String function, String channel) {
        super();
        this.function = function;
        this.channel = channel;
    }

    RunSendHandler(ApplicationContext context, String function, String channel) {
        super(context);
        this.function = function;
        this.channel = channel;
    }

    @Override
    protected String function() {
        return function;
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event) {
        if (processor == null) {
            processor = getApplicationContext().getBean(SendQueueProcessor.class, Qualifiers.byName(channel));
        }
        return processor.process(event);
    }
}
