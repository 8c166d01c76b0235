package no.dialog.aws.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import no.dialog.aws.config.InvocationContext;
import no.dialog.aws.logging.LogContext;

/**
 * The base of Dialog's Lambda handlers: before {@link #handle} runs, the log context holds the function's
 * name, the AWS request id, a correlation id (an HTTP request's, see {@link LogContext#correlationId}; the
 * request id otherwise, and each SQS message's id while it is handled), the cold start flag and the trace
 * ({@link LogContext}). A handler names itself ({@link #function()}) and does its one job in {@link #handle}.
 */
public abstract class DialogRequestHandler<I, O> extends MicronautRequestHandler<I, O> {

    private InvocationContext invocation;

    /** Used by Lambda: builds the application context at init. */
    protected DialogRequestHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    protected DialogRequestHandler(ApplicationContext context) {
        super(context);
    }

    /** The function's short name, as in the logs and metrics (send-sms, landing ...). */
    protected abstract String function();

    /** The invocation's work, with the log context set. */
    protected abstract O handle(I input);

    @Override
    public final O execute(I input) {
        String correlationId = input instanceof APIGatewayV2HTTPEvent http ? LogContext.correlationId(http) : null;
        LogContext.begin(function(), lambdaContext(), correlationId);
        return handle(input);
    }

    /** The Lambda context of this invocation (MicronautRequestHandler hands it over before execute), or null. */
    protected final Context lambdaContext() {
        if (invocation == null) {
            invocation = getApplicationContext().getBean(InvocationContext.class);
        }
        return invocation.current().orElse(null);
    }
}
