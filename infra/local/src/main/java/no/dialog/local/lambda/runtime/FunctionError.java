package no.dialog.local.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A function's invocation failed, the way Lambda reports it to the caller: an error type (the exception's
 * class for a handler error; {@code Sandbox.Timedout}, {@code Runtime.ExitError} or {@code Runtime.InitError}
 * when the environment itself failed) and a message. Which it was decides what a trigger does with it.
 */
public final class FunctionError extends Exception {

    /** Why the invocation failed. */
    public enum Kind {
        /** The handler threw: reported through {@code /invocation/{id}/error}. */
        HANDLER,
        /** The function did not finish within its timeout; its environment was stopped. */
        TIMEOUT,
        /** The runtime process exited during the invocation. */
        CRASH,
        /** The environment could not initialise (init error, or the runtime exited before it was ready). */
        INIT
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final String errorType;
    private final String detail;

    public FunctionError(Kind kind, String errorType, String message) {
        super(errorType + ": " + message, null, false, false);
        this.kind = kind;
        this.errorType = errorType;
        this.detail = message;
    }

    static FunctionError fromRuntime(String errorTypeHeader, byte[] body) {
        String type = errorTypeHeader;
        String message = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("errorType")) {
                type = error.get("errorType").asText();
            }
            if (error != null && error.hasNonNull("errorMessage")) {
                message = error.get("errorMessage").asText();
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new FunctionError(Kind.HANDLER, type == null ? "Unknown" : type, message);
    }

    FunctionError asInitError() {
        return new FunctionError(Kind.INIT, errorType, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String errorType() {
        return errorType;
    }
}
