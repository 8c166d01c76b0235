package no.dialog.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS calls by service and operation, for the SMS benchmark. Registered on the functions' clients
 * through {@code aws.execution-interceptors} (AwsClientFactory's opt-in hook). Only calls made on the
 * send-sms pipeline's threads (the local stack runs the function on its event source's poller thread,
 * named after the queue, and its ledger-write threads) or on threads the benchmark names {@link #JOURNEY_STEP} are counted, so the other
 * functions' schedules do not blur the figures.
 */
public class AwsCallCounter implements ExecutionInterceptor {

    /** Threads whose name starts with this enqueue send requests as the journey step would. */
    public static final String JOURNEY_STEP = "journey-step";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String thread = Thread.currentThread().getName();
        String where = thread.startsWith(JOURNEY_STEP) ? "journey step"
                : thread.contains("send-sms") ? "send-sms" : null;
        if (where != null && counts(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            COUNTS.computeIfAbsent(where + " " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
        }
    }

    /** Which operations this counter owns (all of them; the poller's counter only its own). */
    protected boolean counts(String operation) {
        return !operation.equals("ReceiveMessage") && !operation.equals("DeleteMessageBatch");
    }

    public static void reset() {
        COUNTS.clear();
    }

    /** "where service operation" → calls, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
