package no.dialog.bench.usage;

/**
 * The AWS list prices Dialog's cost figures use, in US dollars. docs/costs.md shows the same table with its region
 * and date (a test keeps the two equal). Prices change: update both together.
 */
public final class AwsPrices {

    public static final String REGION = "us-east-1 (N. Virginia)";
    public static final String AS_OF = "2025-11";

    /** Lambda, arm64 (the template's Architectures), per GB-second of duration. */
    public static final double LAMBDA_GB_SECOND = 0.0000133334;
    /** Lambda, per request. */
    public static final double LAMBDA_REQUEST = 0.20 / 1e6;
    /** DynamoDB on demand, Standard table class, per write request unit. */
    public static final double DYNAMODB_WRU = 0.625 / 1e6;
    /** DynamoDB on demand, Standard table class, per read request unit. */
    public static final double DYNAMODB_RRU = 0.125 / 1e6;
    /** SQS standard queue, per request (each 64 KB chunk of a payload is one request). */
    public static final double SQS_REQUEST = 0.40 / 1e6;
    /** EventBridge, per custom event put on a bus (each 64 KB chunk); EventBridge Scheduler per invocation alike. */
    public static final double EVENTBRIDGE_EVENT = 1.00 / 1e6;
    /** S3 Standard, per PUT, COPY, POST or LIST request. */
    public static final double S3_PUT = 0.005 / 1e3;
    /** S3 Standard, per GET or other request. */
    public static final double S3_GET = 0.0004 / 1e3;
    /** API Gateway HTTP API, per request (first 300 million a month). */
    public static final double HTTP_API_REQUEST = 1.00 / 1e6;

    /** A Lambda function gets one full vCPU at this much memory, and a share below it. */
    public static final int FULL_VCPU_MB = 1769;

    private AwsPrices() {}
}
