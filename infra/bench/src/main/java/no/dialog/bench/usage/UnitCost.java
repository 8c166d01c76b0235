package no.dialog.bench.usage;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.dialog.local.functions.FunctionMeter;

/**
 * What a unit of work (a message, an enrolment, a contact, a page view) costs: the functions' own CPU, the AWS
 * requests and DynamoDB capacity units, S3 bytes, the partition keys that take the most writes, and the AWS bill
 * this projects per 100,000 units at {@link AwsPrices}.
 *
 * @param functions       per function: invocations, own CPU and wall time in the measured stretch
 * @param memoryMb        per function: its MemorySize in the template
 * @param httpApiRequests requests through API Gateway (HTTP API) in the measured stretch: the local gateway
 *                        stands in for it, so the benchmark that drives it says how many ({@link
 *                        #withHttpApiRequests}); 0 where none
 */
public record UnitCost(String unit, long units, double seconds, Map<String, FunctionMeter.Usage> functions,
        Map<String, Integer> memoryMb, AwsUsage.Recording recording, long httpApiRequests) {

    public UnitCost(String unit, long units, double seconds, Map<String, FunctionMeter.Usage> functions,
            Map<String, Integer> memoryMb, AwsUsage.Recording recording) {
        this(unit, units, seconds, functions, memoryMb, recording, 0);
    }

    /** The same cost with so many API Gateway (HTTP API) requests, which the SDK interceptors cannot see. */
    public UnitCost withHttpApiRequests(long requests) {
        return new UnitCost(unit, units, seconds, functions, memoryMb, recording, requests);
    }

    /** The rate a 1,000,000-member campaign sends at, which no partition key may take 500 writes/s of. */
    public static final double CAMPAIGN_RATE = 2_000;
    public static final double HOT_KEY_LIMIT = 500;

    /**
     * In-region round trips a Lambda function waits on, per call, for the duration estimate (no overlap assumed, so
     * the duration is an upper bound): DynamoDB and SQS about 5–10 ms, S3 and EventBridge about 20 ms.
     */
    static final Map<String, Double> CALL_SECONDS = Map.of("DynamoDb", 0.008, "Sqs", 0.010, "S3", 0.020,
            "EventBridge", 0.020);

    public double unitsPerSecond() {
        return units / seconds;
    }

    /** The functions' own CPU per unit, in ms. */
    public double cpuMsPerUnit() {
        return functions.values().stream().mapToLong(FunctionMeter.Usage::cpuNanos).sum() / 1e6 / units;
    }

    /** AWS requests per unit, by service (the event source's SQS requests included). */
    public Map<String, Double> callsPerUnit() {
        Map<String, Double> byService = new TreeMap<>();
        recording.calls().forEach((key, count) -> byService.merge(service(key), count / (double) units, Double::sum));
        return byService;
    }

    public double writeUnitsPerUnit() {
        return recording.writeUnits() / units;
    }

    public double readUnitsPerUnit() {
        return recording.readUnits() / units;
    }

    /** The partition keys with the most writes, most first. */
    public List<Map.Entry<String, Long>> hottestKeys(int limit) {
        return recording.writesPerKey().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit).toList();
    }

    /** Writes per second the hottest key would take at {@link #CAMPAIGN_RATE} units per second. */
    public double hottestKeyWritesPerSecondAtCampaignRate() {
        return hottestKeys(1).stream().mapToDouble(e -> e.getValue() / (double) units * CAMPAIGN_RATE).max().orElse(0);
    }

    /** The projected AWS bill for 100,000 units, in US dollars, by part. */
    public Map<String, Double> costPer100k() {
        double scale = 100_000.0 / units;
        Map<String, Double> cost = new TreeMap<>();
        Map<String, Double> waitSeconds = new TreeMap<>();
        recording.calls().forEach((key, count) -> {
            String where = key.substring(0, key.lastIndexOf(' ', key.lastIndexOf(' ') - 1));
            waitSeconds.merge(where, count * CALL_SECONDS.getOrDefault(service(key), 0.01), Double::sum);
        });
        double lambda = 0;
        for (var function : functions.entrySet()) {
            int memory = memoryMb.getOrDefault(function.getKey(), 1024);
            double cpuSeconds = function.getValue().cpuNanos() / 1e9
                    * Math.max(1.0, AwsPrices.FULL_VCPU_MB / (double) memory);
            double duration = cpuSeconds + waitSeconds.getOrDefault(function.getKey(), 0.0);
            lambda += duration * memory / 1024.0 * AwsPrices.LAMBDA_GB_SECOND
                    + function.getValue().invocations() * AwsPrices.LAMBDA_REQUEST;
        }
        cost.put("Lambda", lambda * scale);
        cost.put("DynamoDB", (recording.writeUnits() * AwsPrices.DYNAMODB_WRU
                + recording.readUnits() * AwsPrices.DYNAMODB_RRU) * scale);
        double sqs = 0;
        double s3 = 0;
        double events = 0;
        for (var call : recording.calls().entrySet()) {
            String service = service(call.getKey());
            String operation = call.getKey().substring(call.getKey().lastIndexOf(' ') + 1);
            if (service.equals("Sqs")) {
                sqs += call.getValue() * AwsPrices.SQS_REQUEST;
            } else if (service.equals("S3")) {
                s3 += call.getValue() * (operation.startsWith("Get") || operation.startsWith("Head")
                        ? AwsPrices.S3_GET : AwsPrices.S3_PUT);
            } else if (service.equals("EventBridge")) {
                events += call.getValue() * AwsPrices.EVENTBRIDGE_EVENT;
            }
        }
        cost.put("SQS", sqs * scale);
        cost.put("S3", s3 * scale);
        cost.put("EventBridge", events * scale);
        if (httpApiRequests > 0) {
            cost.put("API Gateway", httpApiRequests * AwsPrices.HTTP_API_REQUEST * scale);
        }
        return cost;
    }

    public double costPer100kTotal() {
        return costPer100k().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Prints the figures, indented, with the floor (units/s of the emulators alone; NaN when not measured). */
    public void print(PrintStream out, double floorUnitsPerSecond) {
        out.printf("    throughput                               %,.0f %s/s%n", unitsPerSecond(), unit);
        if (!Double.isNaN(floorUnitsPerSecond)) {
            out.printf("    emulator floor (its DynamoDB and SQS calls alone) %,.0f %s/s → throughput %.2f of the floor%n",
                    floorUnitsPerSecond, unit, unitsPerSecond() / floorUnitsPerSecond);
        }
        out.printf("    own CPU per %-12s                 %.3f ms%n", singular(), cpuMsPerUnit());
        functions.forEach((name, usage) -> out.printf("      %-28s %,9d invocations  %.3f ms CPU per %s%n", name,
                usage.invocations(), usage.cpuNanos() / 1e6 / units, singular()));
        callsPerUnit().forEach((service, perUnit) -> out.printf("    %-11s requests per %-10s     %.3f%n", service,
                singular(), perUnit));
        recording.calls().forEach((key, count) -> out.printf("      %-58s %,9d  (%.3f per %s)%n", key, count,
                count / (double) units, singular()));
        recording.failures().forEach((key, count) -> out.printf("      refused: %-49s %,9d%n", key, count));
        if (httpApiRequests > 0) {
            out.printf("    API Gateway (HTTP API) requests per %-10s %.3f%n", singular(),
                    httpApiRequests / (double) units);
        }
        out.printf("    DynamoDB capacity per %-10s        %.2f WRU, %.2f RRU%n", singular(), writeUnitsPerUnit(),
                readUnitsPerUnit());
        if (recording.estimatedWriteUnits() > 0) {
            out.printf("      (%.2f WRU of it counted from the items and index entries written: DynamoDB Local reports%n"
                    + "       no capacity for PartiQL batches)%n", recording.estimatedWriteUnits() / units);
        }
        if (recording.s3BytesIn() + recording.s3BytesOut() > 0) {
            out.printf("    S3 bytes per %-10s                 %,.0f in, %,.0f out%n", singular(),
                    recording.s3BytesIn() / (double) units, recording.s3BytesOut() / (double) units);
        }
        out.printf("    hottest partition keys (writes; per %s; at %,.0f %s/s)%n", singular(), CAMPAIGN_RATE, unit);
        for (var key : hottestKeys(5)) {
            double atRate = key.getValue() / (double) units * CAMPAIGN_RATE;
            out.printf("      %-60s %,9d  %.4f  %,.0f writes/s%s%n", abbreviate(key.getKey()), key.getValue(),
                    key.getValue() / (double) units, atRate, atRate > HOT_KEY_LIMIT ? "  HOT (> 500/s)" : "");
        }
        Map<String, Double> cost = costPer100k();
        StringBuilder parts = new StringBuilder();
        cost.forEach((part, dollars) -> {
            if (dollars > 0) {
                parts.append(String.format("%s%s $%.4f", parts.isEmpty() ? "" : ", ", part, dollars));
            }
        });
        out.printf("    projected AWS cost per 100,000 %s      $%.4f (%s; %s prices of %s)%n", unit,
                costPer100kTotal(), parts, AwsPrices.REGION, AwsPrices.AS_OF);
    }

    private String singular() {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static String service(String callKey) {
        String[] parts = callKey.split(" ");
        return parts[parts.length - 2];
    }

    private static String abbreviate(String key) {
        return key.length() <= 60 ? key : key.substring(0, 57) + "...";
    }
}
