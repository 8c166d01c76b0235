package no.dialog.local.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.local.lambda.LocalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function run from its deployment package the way Lambda runs it: each execution environment a JVM of its
 * own (see {@link ExecutionEnvironment}), started on demand when no idle one is free (a cold start, logged
 * with its init time), at most {@code maxConcurrency} at once (the template's reserved concurrency or the
 * event source's maximum), one invocation per environment at a time. Events go out and results come back as
 * JSON through the Runtime API, so they are (de)serialised exactly as in AWS.
 *
 * <p>Failures are Lambda's: a handler's exception, a timeout (the environment is stopped; the next invocation
 * starts a new one), a crashed runtime, or an init error; each is a {@link FunctionError} for the trigger to
 * handle (an SQS batch becomes visible again, an API route answers 5xx).
 */
public final class JarFunction implements LocalFunction, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JarFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long an init may take. Lambda gives an on-demand init 10 s, then retries it within the first
     * invocation's timeout; locally, where every function's JVM may start at once on a two-core machine, an
     * init is given at least two minutes, so a busy machine is not mistaken for a broken function (the init
     * time is logged and measured by {@code infra/bench/run coldstart} on a quiet core).
     */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    static final Duration LOCAL_INIT_FLOOR = Duration.ofMinutes(2);

    private final FunctionDefinition definition;
    private final Semaphore permits;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> live = new ArrayList<>();
    private final LogTail logs = new LogTail(200);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Long> initMillis = new ArrayList<>();
    private final List<Long> firstInvocationMillis = new ArrayList<>();
    private volatile String lastError;
    private volatile boolean closed;

    /** The definition this function's environments start from. */
    public FunctionDefinition definition() {
        return definition;
    }

    /** The last lines its environments printed. */
    public List<String> recentLog() {
        return logs.lines();
    }

    public JarFunction(FunctionDefinition definition) {
        this.definition = definition;
        this.permits = new Semaphore(definition.maxConcurrency());
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public Duration timeout() {
        return definition.timeout();
    }

    /**
     * Invokes the function with this event (an {@code aws-lambda-java-events} object, a JSON-like map, or raw
     * JSON bytes) and returns its result as a JSON tree ({@code null} for an empty or null result).
     */
    @Override
    public JsonNode invoke(Object event, Context context) throws FunctionError, InterruptedException {
        byte[] payload = EventJson.toJson(event);
        permits.acquire();
        try {
            ExecutionEnvironment environment = acquire();
            invocations.incrementAndGet();
            boolean first = environment.firstInvocationMillis() < 0;
            try {
                byte[] response = environment.invoke(payload, definition.timeout(), definition.functionArn());
                if (first) {
                    synchronized (idle) {
                        firstInvocationMillis.add(environment.firstInvocationMillis());
                    }
                }
                return parse(response);
            } catch (FunctionError error) {
                errors.incrementAndGet();
                lastError = error.getMessage();
                LOG.warn("function {} failed: {}", name(), error.getMessage());
                throw error;
            } finally {
                release(environment);
            }
        } finally {
            permits.release();
        }
    }

    private static JsonNode parse(byte[] response) throws FunctionError {
        if (response.length == 0) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(response);
            return tree == null || tree.isNull() ? null : tree;
        } catch (IOException e) {
            throw new FunctionError(FunctionError.Kind.HANDLER, "Runtime.InvalidResponse",
                    "the function's response is not JSON");
        }
    }

    private ExecutionEnvironment acquire() throws FunctionError, InterruptedException {
        synchronized (idle) {
            ExecutionEnvironment environment = idle.poll();
            if (environment != null) {
                return environment;
            }
        }
        return coldStart();
    }

    private ExecutionEnvironment coldStart() throws FunctionError, InterruptedException {
        if (closed) {
            throw new FunctionError(FunctionError.Kind.INIT, "Local.Stopped", "the local stack is stopping");
        }
        String id = Integer.toString(started.incrementAndGet());
        ExecutionEnvironment environment = ExecutionEnvironment.start(definition, id, logs);
        synchronized (idle) {
            live.add(environment);
        }
        try {
            Duration lambdaLimit = INIT_LIMIT.plus(definition.timeout());
            environment.awaitInit(lambdaLimit.compareTo(LOCAL_INIT_FLOOR) > 0 ? lambdaLimit : LOCAL_INIT_FLOOR);
        } catch (FunctionError error) {
            synchronized (idle) {
                live.remove(environment);
            }
            errors.incrementAndGet();
            lastError = error.getMessage();
            List<String> recent = logs.lines();
            LOG.error("function {}: execution environment {} failed to initialise: {}\n{}", name(), id,
                    error.getMessage(), String.join("\n", recent.subList(Math.max(0, recent.size() - 30), recent.size())));
            throw error;
        }
        synchronized (idle) {
            initMillis.add(environment.initMillis());
        }
        LOG.info("function {}: cold start of execution environment {}, init {} ms", name(), id, environment.initMillis());
        return environment;
    }

    private void release(ExecutionEnvironment environment) {
        synchronized (idle) {
            if (environment.alive() && !closed) {
                idle.push(environment);
            } else {
                live.remove(environment);
                environment.close();
            }
        }
    }

    /** What the console shows of this function. */
    public Stats stats() {
        synchronized (idle) {
            return new Stats(name(), live.size(), started.get(), List.copyOf(initMillis),
                    List.copyOf(firstInvocationMillis), invocations.get(), errors.get(), lastError,
                    lastError == null ? List.of() : logs.lines());
        }
    }

    /**
     * @param instances      live execution environments now
     * @param coldStarts     environments started so far
     * @param initMillis     each cold start's init time
     * @param firstInvocationMillis each environment's first invocation (after its init), in ms
     * @param lastError      the last failure's message, if any
     * @param recentLog      the last lines the function printed (only when it has failed)
     */
    public record Stats(String name, int instances, int coldStarts, List<Long> initMillis,
            List<Long> firstInvocationMillis, long invocations,
            long errors, String lastError, List<String> recentLog) {}

    @Override
    public void close() {
        closed = true;
        List<ExecutionEnvironment> all;
        synchronized (idle) {
            all = new ArrayList<>(live);
            live.clear();
            idle.clear();
        }
        all.parallelStream().forEach(ExecutionEnvironment::close);
    }
}
