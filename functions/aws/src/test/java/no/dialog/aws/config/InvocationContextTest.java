package no.dialog.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestLambdaContext;
import org.junit.jupiter.api.Test;

/** The Lambda context reaches the handler through InvocationContext, and nothing is registered per call. */
class InvocationContextTest {

    /** Records what the handler sees of each invocation. */
    static final class RecordingHandler extends MicronautRequestHandler<String, String> {
        final List<String> requestIds = new ArrayList<>();

        RecordingHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        public String execute(String input) {
            requestIds.add(getApplicationContext().getBean(InvocationContext.class).requestId().orElse("none"));
            return input;
        }
    }

    private static Context context(String requestId) {
        return TestLambdaContext.withRequestId(requestId);
    }

    @Test
    void eachInvocationSeesItsOwnRequestIdAndNoContextBeanIsRegistered() {
        try (ApplicationContext application = FunctionContexts.start(Map.of(), Map.of(), Clock.systemUTC())) {
            RecordingHandler handler = new RecordingHandler(application);

            handler.handleRequest("a", context("req-1"));
            handler.handleRequest("b", context("req-2"));

            assertThat(handler.requestIds).containsExactly("req-1", "req-2");
            assertThat(application.findBean(Context.class)).isEmpty();
        }
    }
}
