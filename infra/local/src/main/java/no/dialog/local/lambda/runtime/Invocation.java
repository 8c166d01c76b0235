package no.dialog.local.lambda.runtime;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One invocation on its way through the Runtime API: the event out, the response or error back. */
final class Invocation {

    private final String requestId = UUID.randomUUID().toString();
    private final String traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Sampled=0";
    private final byte[] payload;
    private final long deadlineEpochMillis;
    private final String functionArn;
    private final CompletableFuture<byte[]> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    Invocation(byte[] payload, long deadlineEpochMillis, String functionArn) {
        this.payload = payload;
        this.deadlineEpochMillis = deadlineEpochMillis;
        this.functionArn = functionArn;
    }

    String requestId() { return requestId; }
    String traceId() { return traceId; }
    byte[] payload() { return payload; }
    long deadlineEpochMillis() { return deadlineEpochMillis; }
    String functionArn() { return functionArn; }

    /** The response bytes, or completes exceptionally with a {@link FunctionError}. */
    CompletableFuture<byte[]> outcome() { return outcome; }

    void started() { started.complete(null); }

    void succeed(byte[] response) { outcome.complete(response); }

    void fail(FunctionError error) { outcome.completeExceptionally(error); }
}
