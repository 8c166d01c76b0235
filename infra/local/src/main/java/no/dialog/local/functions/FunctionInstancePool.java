package no.dialog.local.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.local.lambda.LocalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of template.yaml, run the way Lambda runs it: the real handler class, each instance
 * in its own "execution environment" (its own application context, built from the function's
 * environment variables), one invocation per instance at a time, new instances started on demand
 * up to a concurrency limit.
 *
 * <p>The handler is given exactly what Lambda would give it: its environment variables, plus where
 * the AWS services are ({@code aws.endpoint-override.*}) and the local clock as its {@link Clock}.
 * It cannot tell it runs locally.
 */
public final class FunctionInstancePool implements LocalFunction, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionInstancePool.class);

    private final String name;
    private final Duration timeout;
    private final Class<?> handlerClass;
    private final Map<String, Object> environment;
    private final Map<String, Object> awsSettings;
    private final Clock clock;
    private final Semaphore permits;
    private final Deque<Instance> idle = new ArrayDeque<>();
    private final List<Instance> all = new ArrayList<>();

    private record Instance(ApplicationContext context, RequestHandler<Object, Object> handler) {}

    public FunctionInstancePool(String name, Duration timeout, String handlerClassName, Map<String, String> environment,
            Map<String, Object> awsSettings, Clock clock, int maxConcurrency) {
        this.name = name;
        this.timeout = timeout;
        try {
            this.handlerClass = Class.forName(handlerClassName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("function " + name + ": handler class " + handlerClassName
                    + " is not on the classpath", e);
        }
        if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalStateException("function " + name + ": " + handlerClassName + " is not a RequestHandler");
        }
        this.environment = Map.copyOf(environment);
        this.awsSettings = Map.copyOf(awsSettings);
        this.clock = clock;
        this.permits = new Semaphore(maxConcurrency);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** Starts one instance now, so that the first request does not pay the cold start. */
    public void warmUp() {
        release(acquire());
    }

    @Override
    public Object invoke(Object event, Context context) throws Exception {
        permits.acquire();
        try {
            Instance instance = acquire();
            try {
                return FunctionMeter.measure(name, () -> instance.handler().handleRequest(event, context));
            } finally {
                release(instance);
            }
        } finally {
            permits.release();
        }
    }

    private Instance acquire() {
        synchronized (idle) {
            Instance instance = idle.poll();
            if (instance != null) {
                return instance;
            }
        }
        return start();
    }

    private void release(Instance instance) {
        synchronized (idle) {
            idle.push(instance);
        }
    }

    @SuppressWarnings("unchecked")
    private Instance start() {
        long started = System.nanoTime();
        ApplicationContext context;
        try {
            context = FunctionMeter.initialise(name, () -> FunctionContexts.start(environment, awsSettings, clock));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        try {
            Constructor<?> constructor = handlerClass.getConstructor(ApplicationContext.class);
            var handler = FunctionMeter.initialise(name,
                    () -> (RequestHandler<Object, Object>) constructor.newInstance(context));
            Instance instance = new Instance(context, handler);
            synchronized (idle) {
                all.add(instance);
            }
            LOG.info("function {}: new execution environment in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            return instance;
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("function " + name + ": " + handlerClass.getName()
                    + " could not be constructed (it needs a public constructor taking an ApplicationContext)", e);
        }
    }

    /** Number of execution environments started so far. */
    public int instances() {
        synchronized (idle) {
            return all.size();
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            for (Instance instance : all) {
                if (instance.handler() instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.debug("closing a handler failed", e);
                    }
                }
                if (instance.context().isRunning()) {
                    instance.context().close();
                }
            }
            all.clear();
            idle.clear();
        }
    }
}
