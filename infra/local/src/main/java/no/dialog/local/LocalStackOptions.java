package no.dialog.local;

import java.nio.file.Path;

/**
 * How to run the local stack.
 *
 * @param port           the HTTP port of the API gateway, the console and the EventBridge endpoint
 * @param dataDir        where DynamoDB and S3 data, the clock offset and the dev signing key are kept
 *                       between runs; null keeps everything in memory
 * @param reset          delete the data folder before starting
 * @param templateFile   the template.yaml to run
 * @param demoContacts   how many synthetic contacts the demo tenant gets on its first start
 * @param dynamoDbPort   0 for any free port
 * @param sqsPort        0 for any free port
 * @param s3Port         0 for any free port
 * @param functionConcurrency execution environments per function at most
 * @param functionRuntime how functions run: from their jars in JVMs of their own, as Lambda runs them (what
 *                        {@code infra/local/run} does), or in this JVM, faster to start, for tests and benchmarks
 * @param plantedPeople   how many more demo contacts with a planted giving and membership history (their payments
 *                        in the ledger, {@code PlantedPeople}), so the prediction models have something true to find;
 *                        only with {@code demoContacts} above 0
 */
public record LocalStackOptions(int port, Path dataDir, boolean reset, Path templateFile, int demoContacts,
        int dynamoDbPort, int sqsPort, int s3Port, int functionConcurrency, FunctionRuntime functionRuntime,
        int plantedPeople) {

    /** Without planted people (tests and benchmarks that count the demo contacts). */
    public LocalStackOptions(int port, Path dataDir, boolean reset, Path templateFile, int demoContacts,
            int dynamoDbPort, int sqsPort, int s3Port, int functionConcurrency, FunctionRuntime functionRuntime) {
        this(port, dataDir, reset, templateFile, demoContacts, dynamoDbPort, sqsPort, s3Port, functionConcurrency,
                functionRuntime, 0);
    }

    /** Every contact the demo organisation gets: the demo contacts and the planted people. */
    public int demoOrganisationContacts() {
        return demoContacts <= 0 ? 0 : demoContacts + Math.max(0, plantedPeople);
    }

    /** The same options with this many planted people. */
    public LocalStackOptions withPlantedPeople(int planted) {
        return new LocalStackOptions(port, dataDir, reset, templateFile, demoContacts, dynamoDbPort, sqsPort, s3Port,
                functionConcurrency, functionRuntime, planted);
    }

    /** How the local stack runs the template's functions. */
    public enum FunctionRuntime {
        /**
         * Each function from its deployment package (the template's {@code CodeUri}), each execution environment
         * a JVM of its own running AWS's Runtime Interface Client against the local Lambda Runtime API, with the
         * handler's no-arg constructor and only the function's template environment plus endpoint overrides.
         */
        JARS,
        /** Each function's handler class in this JVM, on a context the local stack builds: fast, for tests. */
        IN_PROCESS
    }

    /** In-process functions: the mode most tests and the benchmarks use. */
    public LocalStackOptions(int port, Path dataDir, boolean reset, Path templateFile, int demoContacts,
            int dynamoDbPort, int sqsPort, int s3Port, int functionConcurrency) {
        this(port, dataDir, reset, templateFile, demoContacts, dynamoDbPort, sqsPort, s3Port, functionConcurrency,
                FunctionRuntime.IN_PROCESS);
    }

    /** The same options with functions run this way. */
    public LocalStackOptions withFunctionRuntime(FunctionRuntime runtime) {
        return new LocalStackOptions(port, dataDir, reset, templateFile, demoContacts, dynamoDbPort, sqsPort, s3Port,
                functionConcurrency, runtime, plantedPeople);
    }

    public static final int DEFAULT_PORT = 3000;

    /** The defaults of {@code infra/local/run}: fixed ports people can point the AWS CLI at. */
    public static LocalStackOptions defaults(Path templateFile) {
        return new LocalStackOptions(DEFAULT_PORT, Path.of(".dialog-local"), false, templateFile, 5000,
                8000, 9324, 9000, 2, FunctionRuntime.JARS, 5000);
    }

    /** For tests and benchmarks: in memory, every port free-chosen. */
    public static LocalStackOptions ephemeral(Path templateFile, int demoContacts) {
        return new LocalStackOptions(0, null, false, templateFile, demoContacts, 0, 0, 0, 4);
    }
}
