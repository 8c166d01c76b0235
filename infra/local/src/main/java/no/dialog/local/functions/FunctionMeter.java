package no.dialog.local.functions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What in-process functions cost in this JVM: per function, the invocations, and the CPU time and wall time of the
 * threads that ran them (the handler's own code, its JSON and the AWS SDK calls it makes, which in Lambda are all
 * billed to the function; not the emulators', the local gateway's or the event source's). It also tells, on any
 * thread, which function is running there, so the benchmarks can attribute AWS calls.
 *
 * <p>A function may hand work to threads of its own (the send ledger's writes, the journey steps): those threads
 * inherit the function's name, and once {@link #noteWorker() noted} their CPU counts for it too.
 *
 * <p>Process-wide, as JVM metrics are: the local stack runs each function's handler in {@link #measure}.
 */
public final class FunctionMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Inherited, so that threads a function starts work for it. */
    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();
    /** Set only on the thread that runs the handler, so a worker can be told from it. */
    private static final ThreadLocal<Boolean> INVOKING = new ThreadLocal<>();
    private static final Map<String, Totals> TOTALS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger IN_FLIGHT = new java.util.concurrent.atomic.AtomicInteger();
    /** Worker thread id → its function and its CPU time when it was noted (or at the last reset). */
    private static final Map<Long, Worker> WORKERS = new ConcurrentHashMap<>();

    /** One function's totals since the last {@link #reset}: CPU is the handler threads' plus its workers'. */
    public record Usage(long invocations, long cpuNanos, long wallNanos) {}

    private record Worker(String function, long baselineCpuNanos) {}

    private FunctionMeter() {}

    /** The function this thread works for (the handler's thread or one the function started), or null. */
    public static String current() {
        return CURRENT.get();
    }

    /** Runs one invocation of {@code function} on this thread, counting its CPU and wall time. */
    public static <T> T measure(String function, Callable<T> invocation) throws Exception {
        String outer = CURRENT.get();
        CURRENT.set(function);
        INVOKING.set(Boolean.TRUE);
        IN_FLIGHT.incrementAndGet();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        try {
            return invocation.call();
        } finally {
            Totals totals = TOTALS.computeIfAbsent(function, f -> new Totals());
            totals.invocations.increment();
            totals.cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
            totals.wallNanos.add(System.nanoTime() - wall);
            INVOKING.remove();
            IN_FLIGHT.decrementAndGet();
            CURRENT.set(outer);
        }
    }

    /** Starts a function's execution environment: threads it starts work for it, but nothing is counted. */
    public static <T> T initialise(String function, Callable<T> init) throws Exception {
        String outer = CURRENT.get();
        CURRENT.set(function);
        try {
            return init.call();
        } finally {
            CURRENT.set(outer);
        }
    }

    /**
     * Notes this thread as a worker of its function when it is one (called by whoever sees work done on it, e.g. an
     * AWS call): from now on its CPU counts for the function.
     */
    public static void noteWorker() {
        String function = CURRENT.get();
        if (function == null || INVOKING.get() != null) {
            return;
        }
        Thread thread = Thread.currentThread();
        WORKERS.computeIfAbsent(thread.threadId(), id -> new Worker(function, THREADS.getCurrentThreadCpuTime()));
    }

    /** Invocations running now, in any function. */
    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Per function, sorted by name. */
    public static Map<String, Usage> snapshot() {
        Map<String, Long> workerCpu = new TreeMap<>();
        WORKERS.forEach((id, worker) -> {
            long now = THREADS.getThreadCpuTime(id);
            if (now > 0) {
                workerCpu.merge(worker.function(), now - worker.baselineCpuNanos(), Long::sum);
            }
        });
        Map<String, Usage> copy = new TreeMap<>();
        TOTALS.forEach((function, totals) -> copy.put(function, new Usage(totals.invocations.sum(),
                totals.cpuNanos.sum() + workerCpu.getOrDefault(function, 0L), totals.wallNanos.sum())));
        return copy;
    }

    /** Counts from zero again (workers already noted stay noted, from their CPU time now). */
    public static void reset() {
        TOTALS.clear();
        WORKERS.replaceAll((id, worker) -> new Worker(worker.function(), Math.max(0, THREADS.getThreadCpuTime(id))));
    }

    private static final class Totals {
        final LongAdder invocations = new LongAdder();
        final LongAdder cpuNanos = new LongAdder();
        final LongAdder wallNanos = new LongAdder();
    }
}
