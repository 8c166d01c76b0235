package no.dialog.aws.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import no.dialog.core.observability.LogKeys;

/**
 * One JSON object per line with the keys Powertools for AWS Lambda writes: {@code level}, {@code message},
 * {@code timestamp} (ISO-8601, UTC), {@code logger}, the log context flat at the top level ({@code service},
 * {@code function_request_id}, {@code correlation_id}, {@code cold_start} as a boolean, {@code xray_trace_id},
 * {@code tenant}, {@code message_id} ...) and {@code error} ({@code name}, {@code message}, {@code stack}) when
 * an exception is logged. Logs Insights reads each key as a field; {@code fields service, correlation_id}
 * works as it does for Powertools.
 */
public class PowertoolsJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final int MAX_STACK_FRAMES = 30;

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "level", event.getLevel().toString());
        json.append(',');
        field(json, "message", event.getFormattedMessage());
        json.append(',');
        field(json, "timestamp", event.getInstant().toString());
        json.append(',');
        field(json, "logger", event.getLoggerName());
        Map<String, String> context = event.getMDCPropertyMap();
        if (context != null) {
            for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
                json.append(',');
                if (LogKeys.COLD_START.equals(entry.getKey())) {
                    string(json, entry.getKey());
                    json.append(':').append(Boolean.parseBoolean(entry.getValue()));
                } else {
                    field(json, entry.getKey(), entry.getValue());
                }
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            json.append(",\"error\":{");
            field(json, "name", error.getClassName());
            json.append(',');
            field(json, "message", error.getMessage());
            json.append(',');
            field(json, "stack", stack(error));
            json.append('}');
        }
        return json.append('}').append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String stack(IThrowableProxy error) {
        StringBuilder stack = new StringBuilder();
        StackTraceElementProxy[] frames = error.getStackTraceElementProxyArray();
        for (int i = 0; i < frames.length && i < MAX_STACK_FRAMES; i++) {
            stack.append(frames[i].getSTEAsString()).append('\n');
        }
        for (IThrowableProxy cause = error.getCause(); cause != null; cause = cause.getCause()) {
            stack.append("caused by ").append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return stack.toString();
    }

    private static void field(StringBuilder json, String key, String value) {
        string(json, key);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
