package no.dialog.bench.usage;

import java.util.Map;
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
    private final AwsUsage.Recording recording;
    private final long startedAt = System.nanoTime();

    private Measurement(LocalStack stack, AwsUsage.Recording recording) {
        this.stack = stack;
        this.recording = recording;
    }

    public static Measurement start(LocalStack stack) {
        KeySchemas schemas = KeySchemas.describe(stack.emulators().dynamoDb());
        FunctionMeter.reset();
        return new Measurement(stack, AwsUsage.start(schemas, SAMPLE_CAP));
    }

    /** Ends the measurement: {@code units} of work done since the start, ending {@code endNanos} (System.nanoTime). */
    public UnitCost stop(String unit, long units, long endNanos) {
        AwsUsage.stop();
        Map<String, FunctionMeter.Usage> functions = FunctionMeter.snapshot();
        Map<String, Integer> memory = new TreeMap<>();
        for (FunctionSpec spec : stack.functionSpecs()) {
            memory.put(spec.functionName(), spec.memorySize());
        }
        return new UnitCost(unit, units, (endNanos - startedAt) / 1e9, functions, memory, recording);
    }

    public UnitCost stop(String unit, long units) {
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
