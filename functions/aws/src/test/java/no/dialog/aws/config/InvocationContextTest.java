package no.dialog.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return new Context() {
            public String getAwsRequestId() {
                return requestId;
            }
            public String getLogGroupName() {
                return null;
            }
            public String getLogStreamName() {
                return null;
            }
            public String getFunctionName() {
                return "dialog-test";
            }
            public String getFunctionVersion() {
                return null;
            }
            public String getInvokedFunctionArn() {
                return null;
            }
            public CognitoIdentity getIdentity() {
                return null;
            }
            public ClientContext getClientContext() {
                return null;
            }
            public int getRemainingTimeInMillis() {
                return 1000;
            }
            public int getMemoryLimitInMB() {
                return 512;
            }
            public LambdaLogger getLogger() {
                return null;
            }
        };
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
