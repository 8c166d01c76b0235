package no.dialog.core.observability;

/**
 * The keys of the structured log context (SLF4J MDC). One name per concept, everywhere: logs carry
 * ids and counts, never names, phone numbers, e-mail addresses or message bodies.
 */
public final class LogKeys {
    public static final String TENANT = "tenant";
    public static final String FUNCTION = "function";
    public static final String REQUEST_ID = "requestId";
    public static final String MESSAGE_ID = "messageId";
    public static final String IMPORT_ID = "importId";

    private LogKeys() {}
}
