package no.dialog.local.lambda.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment of a function, as Lambda makes it: a fresh JVM whose working directory is the
 * unzipped deployment package (the task root), running AWS's Runtime Interface Client with the handler
 * string from the template, the function's environment variables and nothing else on its classpath but the
 * runtime's own libraries. It serves one invocation at a time through its own Runtime API endpoint.
 */
final class ExecutionEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final String id;
    private final RuntimeApiEndpoint api;
    private final Process process;
    private final long startedNanos;
    private volatile long initMillis = -1;
    private volatile long firstInvocationMillis = -1;

    private final Path tmp;

    private ExecutionEnvironment(String id, RuntimeApiEndpoint api, Process process, long startedNanos, Path tmp) {
        this.tmp = tmp;
        this.id = id;
        this.api = api;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts the JVM; {@link #awaitInit} waits until the function's init is done. */
    static ExecutionEnvironment start(FunctionDefinition function, String id, LogTail logs) {
        RuntimeApiEndpoint api = new RuntimeApiEndpoint();
        List<String> command = new ArrayList<>(function.runtime().command(function.memoryMb()));
        // Each sandbox has a /tmp of its own in Lambda; here each environment gets its own temporary folder.
        Path tmp;
        try {
            tmp = Files.createTempDirectory("dialog-lambda-" + function.name() + "-");
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot create a temporary folder for " + function.name(), e);
        }
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add(RIC_MAIN);
        command.add(function.handler());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(function.taskRoot().toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(function.environment(api.hostAndPort()));
        environment.put("TMPDIR", tmp.toString());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new IllegalStateException("cannot start an execution environment of " + function.name(), e);
        }
        pipeOutput(process, function.name() + "/" + id, logs);
        return new ExecutionEnvironment(id, api, process, started, tmp);
    }

    private static void pipeOutput(Process process, String label, LogTail logs) {
        Logger functionLog = LoggerFactory.getLogger("function." + label.substring(0, label.indexOf('/')));
        Thread.ofVirtual().name("log-" + label).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    logs.add(line);
                    functionLog.info("[{}] {}", label, line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
    }

    /**
     * Waits until the runtime asks for its first invocation (init done), or fails as Lambda would: the
     * runtime reported an init error, exited, or took longer than {@code limit}.
     */
    void awaitInit(Duration limit) throws FunctionError, InterruptedException {
        CompletableFuture<Object> first = CompletableFuture.anyOf(api.initDone(), api.initError(), process.onExit());
        try {
            Object outcome = first.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome instanceof Long readyAt) {
                initMillis = (readyAt - startedNanos) / 1_000_000;
                return;
            }
            close();
            if (outcome instanceof FunctionError error) {
                throw error.asInitError();
            }
            throw new FunctionError(FunctionError.Kind.INIT, "Runtime.ExitError",
                    "Runtime exited with error: exit status " + process.exitValue() + " before its init was done");
        } catch (TimeoutException e) {
            close();
            throw new FunctionError(FunctionError.Kind.INIT, "Sandbox.Timedout",
                    "Init did not finish within " + limit.toSeconds() + " seconds");
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Runs one invocation; a timeout or a crash leaves this environment dead, as in Lambda. */
    byte[] invoke(byte[] payload, Duration timeout, String functionArn) throws FunctionError, InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Invocation invocation = new Invocation(payload, deadline, functionArn);
        if (!api.offer(invocation, timeout.toMillis())) {
            close();
            throw new FunctionError(FunctionError.Kind.CRASH, "Runtime.Unavailable",
                    "the runtime did not ask for the invocation within " + timeout.toSeconds() + " seconds");
        }
        CompletableFuture<Object> done = CompletableFuture.anyOf(invocation.outcome(), process.onExit());
        try {
            long sent = System.nanoTime();
            Object outcome = done.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (outcome instanceof byte[] response) {
                if (firstInvocationMillis < 0) {
                    firstInvocationMillis = (System.nanoTime() - sent) / 1_000_000;
                }
                return response;
            }
            throw new FunctionError(FunctionError.Kind.CRASH, "Runtime.ExitError",
                    "RequestId: " + invocation.requestId() + " Error: Runtime exited with error: exit status "
                            + process.exitValue());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionError error) {
                if (!process.isAlive()) {
                    close();
                }
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            logThreadDump(); // not Lambda's doing: locally, show where the function was when its time ran out
            close(); // Lambda stops the environment of a timed-out invocation; the next one is a cold start
            throw new FunctionError(FunctionError.Kind.TIMEOUT, "Sandbox.Timedout", "RequestId: "
                    + invocation.requestId() + " Error: Task timed out after " + timeout.toSeconds() + " seconds");
        }
    }

    private void logThreadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            LOG.warn("execution environment {} ran out of time; its threads:\n{}", id, dump);
        } catch (IOException | InterruptedException e) {
            LOG.debug("no thread dump of {}", id, e);
        }
    }

    String id() {
        return id;
    }

    /** Init duration in ms, or -1 while it is not done. */
    long initMillis() {
        return initMillis;
    }

    /** How long the first invocation this environment served took, in ms, or -1 before it. */
    long firstInvocationMillis() {
        return firstInvocationMillis;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        api.close();
        deleteQuietly(tmp);
        LOG.debug("execution environment {} stopped", id);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
