package no.dialog.bench.usage;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import no.dialog.local.LocalStack;
import no.dialog.local.functions.FunctionMeter;
import no.dialog.local.template.FunctionSpec;

/**
 * One measured stretch of a benchmark: from {@link #start} to {@link #stop}, what the functions spent (their own
 * CPU, per {@link FunctionMeter}) and asked of AWS (per {@link AwsUsage}), for so many units of work.
 */
public final class Measurement {

    /** How many DynamoDB and SQS requests are kept for the floor at most. */
    public static final int SAMPLE_CAP = 20_000;

    private final LocalStack stack;
    private final Predicate<String> measured;
    private final AwsUsage.Recording recording;
    private final long startedAt = System.nanoTime();

    private Measurement(LocalStack stack, Predicate<String> measured, AwsUsage.Recording recording) {
        this.stack = stack;
        this.measured = measured;
        this.recording = recording;
    }

    /**
     * Starts measuring the work of these functions (by their template names without prefix and stage, e.g.
     * {@code send-sms}); the others' schedules, which run meanwhile as they would in AWS, are not counted.
     */
    public static Measurement start(LocalStack stack, String function, String... more) {
        KeySchemas schemas = KeySchemas.describe(stack.emulators().dynamoDb());
        Set<String> names = new java.util.HashSet<>(Set.of(more));
        names.add(function);
        // Deployed names are "dialog-<function>-<stage>".
        Predicate<String> measured = name -> {
            int last = name.lastIndexOf('-');
            return name.startsWith("dialog-") && last > 7 && names.contains(name.substring(7, last));
        };
        FunctionMeter.reset();
        return new Measurement(stack, measured, AwsUsage.start(schemas, SAMPLE_CAP, measured));
    }

    /** Ends the measurement: {@code units} of work done since the start, ending {@code endNanos} (System.nanoTime). */
    public UnitCost stop(String unit, long units, long endNanos) throws InterruptedException {
        // The work may end before its invocation does (a report written, then the handler returns): let the
        // invocations running now finish, so their CPU and calls are counted (a few seconds at most).
        long patience = System.nanoTime() + 10_000_000_000L;
        while (FunctionMeter.inFlight() > 0 && System.nanoTime() < patience) {
            Thread.sleep(20);
        }
        AwsUsage.stop();
        Map<String, FunctionMeter.Usage> functions = new TreeMap<>();
        FunctionMeter.snapshot().forEach((name, usage) -> {
            if (measured.test(name)) {
                functions.put(name, usage);
            }
        });
        Map<String, Integer> memory = new TreeMap<>();
        for (FunctionSpec spec : stack.functionSpecs()) {
            memory.put(spec.functionName(), spec.memorySize());
        }
        return new UnitCost(unit, units, (endNanos - startedAt) / 1e9, functions, memory, recording);
    }

    public UnitCost stop(String unit, long units) throws InterruptedException {
        return stop(unit, units, System.nanoTime());
    }

    /**
     * The emulator floor: the run's DynamoDB and SQS requests issued alone from {@code threads} threads, as units of
     * work per second (requests per second over requests per unit).
     */
    public static double floorUnitsPerSecond(LocalStack stack, UnitCost cost, int threads) throws Exception {
        var sample = cost.recording().sample();
        if (sample.isEmpty() || cost.units() == 0) {
            return Double.NaN;
        }
        double requestsPerSecond = EmulatorFloor.requestsPerSecond(sample, stack.emulators().dynamoDb(),
                stack.emulators().sqs(), threads);
        return requestsPerSecond / (cost.recording().dynamoDbAndSqsRequests() / (double) cost.units());
    }
}
