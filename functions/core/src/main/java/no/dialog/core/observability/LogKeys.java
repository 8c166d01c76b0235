package no.dialog.core.observability;

/**
 * The keys of the structured log context (SLF4J MDC), named as Powertools for AWS Lambda names them, so
 * CloudWatch Logs Insights queries written for Powertools work on Dialog's logs. One name per concept,
 * everywhere: logs carry ids and counts, never names, phone numbers, e-mail addresses or message bodies.
 */
public final class LogKeys {
    public static final String TENANT = "tenant";
    /** The function's short name (send-sms, landing ...): Powertools' {@code service}. */
    public static final String FUNCTION = "service";
    /** The AWS request id of the invocation. */
    public static final String REQUEST_ID = "function_request_id";
    /** What ties this invocation to its cause: the API request id (or a caller's X-Correlation-Id), the SQS message id. */
    public static final String CORRELATION_ID = "correlation_id";
    /** Whether this is the first invocation of this instance (after its init or its restore from a snapshot). */
    public static final String COLD_START = "cold_start";
    public static final String XRAY_TRACE_ID = "xray_trace_id";
    public static final String MESSAGE_ID = "message_id";
    public static final String IMPORT_ID = "import_id";

    private LogKeys() {}
}
