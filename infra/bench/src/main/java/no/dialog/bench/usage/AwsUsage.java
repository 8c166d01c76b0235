package no.dialog.bench.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import no.dialog.local.functions.FunctionMeter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts what Dialog's functions ask of AWS while a benchmark measures: calls by service and operation, DynamoDB
 * capacity units (each DynamoDB request is sent with {@code ReturnConsumedCapacity=TOTAL}), S3 bytes each way,
 * writes per DynamoDB partition key (base table and index keys), and a replayable sample of the DynamoDB and SQS
 * requests for the {@link EmulatorFloor}.
 *
 * <p>Registered for every SDK client in the benchmark JVM (the SDK's global {@code execution.interceptors}
 * resource). Only the functions a benchmark measures count (not the schedules that also run meanwhile). A call is
 * counted for the function running on its thread ({@link FunctionMeter}); on the SQS event source's poller thread
 * of such a function (named {@code sqs-<queue>-to-<function>-<n>}) outside an invocation it counts for the event
 * source (Lambda's poller, which AWS bills as SQS requests); on a thread a benchmark names {@code fn:<function>}
 * for that function (work a benchmark does in a function's stead). Everything else (seeding, the local stack's
 * own upkeep) is not counted.
 */
public class AwsUsage implements ExecutionInterceptor {

    /** The name prefix of threads that do a function's work in a benchmark (e.g. {@code fn:journeys}). */
    public static final String FUNCTION_THREAD = "fn:";
    public static final String EVENT_SOURCE = "event source";

    private static final ExecutionAttribute<String> WHERE = new ExecutionAttribute<>("dialog.bench.where");
    private static volatile Recording recording;

    /** Starts counting from zero, for these functions only; returns what will be counted. */
    public static Recording start(KeySchemas schemas, int sampleCap, java.util.function.Predicate<String> functions) {
        Recording fresh = new Recording(schemas, sampleCap, functions);
        recording = fresh;
        return fresh;
    }

    /** Stops counting (the recording keeps what it counted). */
    public static void stop() {
        recording = null;
    }

    /** Who this thread's call counts for, or null if it is not counted. */
    static String where(Recording recording) {
        String function = FunctionMeter.current();
        if (function != null) {
            FunctionMeter.noteWorker();
            return recording.functions.test(function) ? function : null;
        }
        String thread = Thread.currentThread().getName();
        if (thread.startsWith(FUNCTION_THREAD)) {
            int end = thread.indexOf(':', FUNCTION_THREAD.length());
            return thread.substring(FUNCTION_THREAD.length(), end < 0 ? thread.length() : end);
        }
        // Lambda's SQS poller for a function: "sqs-<queue>-to-<function>-<n>".
        int to = thread.startsWith("sqs-") ? thread.indexOf("-to-") : -1;
        return to > 0 && recording.functions.test(thread.substring(to + 4, thread.lastIndexOf('-')))
                ? EVENT_SOURCE : null;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Recording now = recording;
        String where = now == null ? null : where(now);
        if (where == null) {
            return context.request();
        }
        attributes.putAttribute(WHERE, where);
        SdkRequest request = context.request();
        if (!"DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return request;
        }
        // Ask DynamoDB what each request consumed; nothing else about the request changes.
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals("ReturnConsumedCapacity")
                    && field.getValueOrDefault(request) == null) {
                SdkRequest.Builder builder = request.toBuilder();
                field.set(builder, "TOTAL");
                return builder.build();
            }
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Recording now = recording;
        String where = attributes.getAttribute(WHERE);
        if (now != null && where != null) {
            now.record(where, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Recording now = recording;
        String where = attributes.getAttribute(WHERE);
        if (now != null && where != null) {
            now.recordFailure(where, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
                    context.exception());
        }
    }

    /** What one measured run asked of AWS. Thread-safe. */
    public static final class Recording {
        private final KeySchemas schemas;
        private final int sampleCap;
        private final java.util.function.Predicate<String> functions;
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final DoubleAdder readUnits = new DoubleAdder();
        final DoubleAdder writeUnits = new DoubleAdder();
        final DoubleAdder estimatedWriteUnits = new DoubleAdder();
        final LongAdder s3BytesIn = new LongAdder();
        final LongAdder s3BytesOut = new LongAdder();
        final Map<String, LongAdder> writesPerKey = new ConcurrentHashMap<>();
        final List<SdkRequest> sample = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger seen = new AtomicInteger();

        Recording(KeySchemas schemas, int sampleCap, java.util.function.Predicate<String> functions) {
            this.schemas = schemas;
            this.sampleCap = sampleCap;
            this.functions = functions;
        }

        void record(String where, String service, String operation, Context.AfterExecution context) {
            calls.computeIfAbsent(where + " " + service + " " + operation, k -> new LongAdder()).increment();
            SdkRequest request = context.request();
            keep(service, request);
            if ("DynamoDb".equals(service)) {
                List<String> keys = schemas.writtenKeys(request);
                if (!capacity(operation, context.response()) && !keys.isEmpty()) {
                    // DynamoDB Local reports no capacity for PartiQL batches: a small item written costs 1 WRU in the
                    // table and 1 in each index it enters, so count the keys written.
                    writeUnits.add(keys.size());
                    estimatedWriteUnits.add(keys.size());
                }
                for (String key : keys) {
                    writesPerKey.computeIfAbsent(key, k -> new LongAdder()).increment();
                }
            } else if ("S3".equals(service)) {
                context.requestBody().flatMap(body -> body.optionalContentLength()).ifPresent(s3BytesIn::add);
                if (operation.equals("GetObject")) {
                    context.httpResponse().firstMatchingHeader("Content-Length")
                            .ifPresent(length -> s3BytesOut.add(Long.parseLong(length)));
                }
            }
        }

        void recordFailure(String where, String service, String operation, SdkRequest request, Throwable failure) {
            calls.computeIfAbsent(where + " " + service + " " + operation, k -> new LongAdder()).increment();
            failures.computeIfAbsent(service + " " + operation + " " + failure.getClass().getSimpleName(),
                    k -> new LongAdder()).increment();
            keep(service, request);
            if ("DynamoDb".equals(service)) {
                // A write refused by its condition is still billed (1 WRU for a small item); DynamoDB does not
                // report it in the exception, so it is counted here.
                List<String> keys = schemas.writtenKeys(request);
                if (!keys.isEmpty()) {
                    writeUnits.add(1);
                    keys.forEach(key -> writesPerKey.computeIfAbsent(key, k -> new LongAdder()).increment());
                }
            }
        }

        private void keep(String service, SdkRequest request) {
            if (("DynamoDb".equals(service) || "Sqs".equals(service)) && seen.getAndIncrement() < sampleCap) {
                sample.add(request);
            }
        }

        /** Adds the capacity DynamoDB reported; false if it reported none. */
        private boolean capacity(String operation, SdkResponse response) {
            Optional<Object> consumed = response.getValueForField("ConsumedCapacity", Object.class);
            if (consumed.isEmpty()) {
                return false;
            }
            List<?> items = consumed.get() instanceof List<?> list ? list : List.of(consumed.get());
            if (items.isEmpty()) {
                return false;
            }
            boolean reads = KeySchemas.READS.contains(operation);
            for (Object item : items) {
                if (item instanceof ConsumedCapacity c) {
                    if (c.readCapacityUnits() != null || c.writeCapacityUnits() != null) {
                        readUnits.add(c.readCapacityUnits() == null ? 0 : c.readCapacityUnits());
                        writeUnits.add(c.writeCapacityUnits() == null ? 0 : c.writeCapacityUnits());
                    } else if (c.capacityUnits() != null) {
                        (reads ? readUnits : writeUnits).add(c.capacityUnits());
                    }
                }
            }
            return true;
        }

        /** "where service operation" → calls, sorted. */
        public Map<String, Long> calls() {
            Map<String, Long> copy = new TreeMap<>();
            calls.forEach((key, count) -> copy.put(key, count.sum()));
            return copy;
        }

        /** "service operation exception" → failed calls, sorted. */
        public Map<String, Long> failures() {
            Map<String, Long> copy = new TreeMap<>();
            failures.forEach((key, count) -> copy.put(key, count.sum()));
            return copy;
        }

        /** Writes per partition key ("table key" or "table/index key"), sorted by key. */
        public Map<String, Long> writesPerKey() {
            Map<String, Long> copy = new TreeMap<>();
            writesPerKey.forEach((key, count) -> copy.put(key, count.sum()));
            return copy;
        }

        public double readUnits() {
            return readUnits.sum();
        }

        public double writeUnits() {
            return writeUnits.sum();
        }

        /** The part of {@link #writeUnits()} counted from the keys written because DynamoDB reported none. */
        public double estimatedWriteUnits() {
            return estimatedWriteUnits.sum();
        }

        public long s3BytesIn() {
            return s3BytesIn.sum();
        }

        public long s3BytesOut() {
            return s3BytesOut.sum();
        }

        /** The DynamoDB and SQS requests counted, in order, up to the sample cap. */
        public List<SdkRequest> sample() {
            synchronized (sample) {
                return List.copyOf(sample);
            }
        }

        /** How many DynamoDB and SQS requests were counted (the sample may hold fewer). */
        public int dynamoDbAndSqsRequests() {
            return seen.get();
        }
    }
}
