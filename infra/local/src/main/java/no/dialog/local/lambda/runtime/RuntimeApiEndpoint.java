package no.dialog.local.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) for one execution environment, as the Lambda service
 * serves it to the runtime inside a sandbox: the runtime (here AWS's Runtime Interface Client, the one the
 * managed Java runtimes use) long-polls {@code GET /runtime/invocation/next}, answers each invocation with
 * {@code POST /runtime/invocation/{id}/response} or {@code .../error}, and reports a failed init with
 * {@code POST /runtime/init/error}. Each environment gets its own endpoint (its own port), so "next" always
 * means "next for this environment", as in a sandbox.
 */
final class RuntimeApiEndpoint implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    /**
     * Platform threads, one per request in progress (a runtime's long-polled "next" holds one): they show in the
     * thread dump taken when an invocation times out, where virtual threads do not. With virtual threads, an
     * invocation handed to a waiting "next" was twice never written to the runtime on a busy 2-core machine.
     */
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lambda-runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    // Hand-off: an invocation waits here until the runtime asks for the next one.
    private final SynchronousQueue<Invocation> next = new SynchronousQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<FunctionError> initError = new CompletableFuture<>();

    RuntimeApiEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a port for the Lambda Runtime API", e);
        }
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes (with the nano time) when the runtime first asks for an invocation: its init is done. */
    CompletableFuture<Long> initDone() {
        return firstNext;
    }

    /** Completes when the runtime reports that the function's init failed. */
    CompletableFuture<FunctionError> initError() {
        return initError;
    }

    /**
     * Offers an invocation to the runtime; waits at most {@code millis} for the runtime to take it.
     *
     * @return whether the runtime took it
     */
    boolean offer(Invocation invocation, long millis) throws InterruptedException {
        inFlight.put(invocation.requestId(), invocation);
        if (next.offer(invocation, millis, TimeUnit.MILLISECONDS)) {
            return true;
        }
        inFlight.remove(invocation.requestId());
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                serveNext(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(FunctionError.fromRuntime(header(exchange), body(exchange)));
                accepted(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = inFlight.remove(requestId);
                if (invocation == null) {
                    send(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                byte[] body = body(exchange);
                if (path.endsWith("/response")) {
                    invocation.succeed(body);
                } else {
                    invocation.fail(FunctionError.fromRuntime(header(exchange), body));
                }
                accepted(exchange);
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API path\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void serveNext(HttpExchange exchange) throws IOException {
        firstNext.complete(System.nanoTime());
        Invocation invocation;
        try {
            invocation = next.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the environment is shutting down
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        byte[] payload = invocation.payload();
        exchange.sendResponseHeaders(200, payload.length == 0 ? -1 : payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
        invocation.started();
    }

    private static String header(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
