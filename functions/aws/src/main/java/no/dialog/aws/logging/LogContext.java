package no.dialog.aws.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/**
 * The log context of one invocation, set before the function does anything else, so every line it logs
 * carries the function, the AWS request id, a correlation id, whether it is a cold start and the X-Ray
 * trace: {@link #begin} clears what the instance's previous invocation left (a tenant, a message id).
 * The one place that sets them; the handlers reach it through {@code DialogRequestHandler} (and the admin
 * API's function class).
 */
public final class LogContext {

    /** A caller's correlation id is used only when it is short and plain, so it cannot forge log lines. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final AtomicBoolean FIRST_INVOCATION = new AtomicBoolean(true);

    private LogContext() {}

    /**
     * @param function      the function's short name (send-sms, landing ...)
     * @param lambda        the invocation's Lambda context, or null where none is given (some tests)
     * @param correlationId what ties this invocation to its cause; null uses the AWS request id
     */
    public static void begin(String function, Context lambda, String correlationId) {
        MDC.clear();
        MDC.put(LogKeys.FUNCTION, function);
        String requestId = lambda == null ? null : lambda.getAwsRequestId();
        if (requestId != null) {
            MDC.put(LogKeys.REQUEST_ID, requestId);
        }
        String correlation = correlationId != null ? correlationId : requestId;
        if (correlation != null) {
            MDC.put(LogKeys.CORRELATION_ID, correlation);
        }
        MDC.put(LogKeys.COLD_START, Boolean.toString(FIRST_INVOCATION.getAndSet(false)));
        String trace = traceId();
        if (trace != null) {
            MDC.put(LogKeys.XRAY_TRACE_ID, trace);
        }
    }

    /** Replaces the correlation id, for a handler that learns it only after reading its event. */
    public static void correlate(String correlationId) {
        if (correlationId != null) {
            MDC.put(LogKeys.CORRELATION_ID, correlationId);
        }
    }

    /** The next invocation is a cold start again: called when the instance is restored from a snapshot. */
    public static void restored() {
        FIRST_INVOCATION.set(true);
    }

    /**
     * An HTTP request's correlation id: the caller's {@code X-Correlation-Id} when it is a plain id, else API
     * Gateway's request id (which its access logs and the caller's {@code apigw-requestid} header show).
     */
    public static String correlationId(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals("x-correlation-id")
                        && header.getValue() != null && PLAIN_ID.matcher(header.getValue()).matches()) {
                    return header.getValue();
                }
            }
        }
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** The trace's root id, from the header Lambda passes for this invocation ({@code Root=1-...;Parent=...}). */
    static String traceId() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        if (header == null) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return null;
    }
}
