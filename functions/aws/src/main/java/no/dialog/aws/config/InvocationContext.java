package no.dialog.aws.config;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Lambda context of the invocation in progress on this thread. It replaces micronaut-function-aws's
 * {@link DefaultLambdaContextFactory}, which registers the context, its logger, client context and identity
 * as singletons in the application context on every invocation: each registration searches the bean
 * definitions, and in a profile of the landing benchmark that cost three times the page's own work.
 * Dialog's handlers read only the request id (for the logs) and the time left, so the context is kept
 * here instead.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class InvocationContext implements LambdaContextFactory {

    private final ThreadLocal<Context> current = new ThreadLocal<>();

    @Override
    public void registerSingletons(Context context) {
        current.set(context);
    }

    /** The Lambda context of the invocation on this thread, if Lambda gave one (tests may not). */
    public Optional<Context> current() {
        return Optional.ofNullable(current.get());
    }

    /** The AWS request id of the invocation on this thread, if Lambda gave a context. */
    public Optional<String> requestId() {
        Context context = current.get();
        return context == null ? Optional.empty() : Optional.ofNullable(context.getAwsRequestId());
    }
}
