package no.dialog.runfiles;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.inject.qualifiers.Qualifiers;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.config.InvocationContext;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * What the three run-file sender functions share: a batch of {@code SendRequest}s from the channel's queue,
 * each passed through core's {@code OnceSender} and staged in its run. Each subclass names its channel.
 */
abstract class RunSendHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

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
    public SQSBatchResponse execute(SQSEvent event) {
        MDC.put(LogKeys.FUNCTION, function);
        getApplicationContext().getBean(InvocationContext.class).requestId()
                .ifPresent(id -> MDC.put(LogKeys.REQUEST_ID, id));
        if (processor == null) {
            processor = getApplicationContext().getBean(SendQueueProcessor.class, Qualifiers.byName(channel));
        }
        return processor.process(event);
    }
}
