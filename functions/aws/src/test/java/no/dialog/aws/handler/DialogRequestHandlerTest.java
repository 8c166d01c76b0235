package no.dialog.aws.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.testing.TestLambdaContext;
import no.dialog.core.observability.LogKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Every handler (they all extend DialogRequestHandler; infra/architecture checks it) runs its work with the
 * log context set: the function, the AWS request id, a correlation id and the cold start flag, and nothing
 * left from the instance's previous invocation.
 */
class DialogRequestHandlerTest {

    /** Records the log context its work sees. */
    static final class RecordingHandler extends DialogRequestHandler<Object, String> {
        final List<Map<String, String>> seen = new ArrayList<>();

        RecordingHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        protected String function() {
            return "recording";
        }

        @Override
        protected String handle(Object input) {
            seen.add(MDC.getCopyOfContextMap());
            MDC.put(LogKeys.TENANT, "demo");
            return "ok";
        }
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theWorkRunsWithTheFunctionRequestIdAndCorrelationIdAndNothingFromTheLastInvocation() {
        try (ApplicationContext application = FunctionContexts.start(Map.of(), Map.of(), Clock.systemUTC())) {
            RecordingHandler handler = new RecordingHandler(application);

            handler.handleRequest("scheduled", lambda("req-1"));
            handler.handleRequest(http("api-req-2", Map.of()), lambda("req-2"));
            handler.handleRequest(http("api-req-3", Map.of("X-Correlation-Id", "order-77")), lambda("req-3"));
            handler.handleRequest(http("api-req-4", Map.of("x-correlation-id", "{\"forged\": \"line\"}")), lambda("req-4"));

            assertThat(handler.seen.get(0)).containsEntry(LogKeys.FUNCTION, "recording")
                    .containsEntry(LogKeys.REQUEST_ID, "req-1").containsEntry(LogKeys.CORRELATION_ID, "req-1")
                    .containsKey(LogKeys.COLD_START).doesNotContainKey(LogKeys.TENANT);
            assertThat(handler.seen.get(1)).containsEntry(LogKeys.REQUEST_ID, "req-2")
                    .containsEntry(LogKeys.CORRELATION_ID, "api-req-2").containsEntry(LogKeys.COLD_START, "false")
                    .doesNotContainKey(LogKeys.TENANT);
            assertThat(handler.seen.get(2)).containsEntry(LogKeys.CORRELATION_ID, "order-77");
            assertThat(handler.seen.get(3)).as("a caller's id that is not a plain id is not used")
                    .containsEntry(LogKeys.CORRELATION_ID, "api-req-4");
        }
    }

    private static APIGatewayV2HTTPEvent http(String apiRequestId, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/p/x").withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(apiRequestId).build())
                .build();
    }

    private static Context lambda(String requestId) {
        return TestLambdaContext.withRequestId(requestId);
    }
}
