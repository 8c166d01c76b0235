package no.dialog.emulators;

import java.nio.file.Path;

/**
 * How to start the {@link Emulators}.
 *
 * @param dataDir      where DynamoDB tables and S3 objects are kept between runs ({@code dynamodb/} and
 *                     {@code s3/} below it); {@code null} keeps everything in memory
 * @param dynamoDbPort port for DynamoDB Local; 0 picks a free port
 * @param sqsPort      port for ElasticMQ (SQS); 0 picks a free port
 * @param s3Port       port for S3Proxy; 0 picks a free port
 * @param secretsManagerPort port for the Secrets Manager endpoint ({@code secretsmanager.json} in the data
 *                     directory); 0 picks a free port
 * @param kmsPort      port for the KMS endpoint ({@code kms.json} in the data directory); 0 picks a free port
 */
public record EmulatorOptions(Path dataDir, int dynamoDbPort, int sqsPort, int s3Port, int secretsManagerPort,
                              int kmsPort) {

    public EmulatorOptions {
        checkPort("dynamoDbPort", dynamoDbPort);
        checkPort("sqsPort", sqsPort);
        checkPort("s3Port", s3Port);
        checkPort("secretsManagerPort", secretsManagerPort);
        checkPort("kmsPort", kmsPort);
    }

    /** Without a KMS port of its own (a free one): the form from before KMS was emulated. */
    public EmulatorOptions(Path dataDir, int dynamoDbPort, int sqsPort, int s3Port, int secretsManagerPort) {
        this(dataDir, dynamoDbPort, sqsPort, s3Port, secretsManagerPort, 0);
    }

    /** Everything in memory, all ports picked freely: what tests want. */
    public static EmulatorOptions inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (free port) or 1-65535, was " + port);
        }
    }

    /** Builder for {@link EmulatorOptions}; unset ports mean "pick a free port". */
    public static final class Builder {
        private Path dataDir;
        private int dynamoDbPort;
        private int sqsPort;
        private int s3Port;
        private int secretsManagerPort;
        private int kmsPort;

        private Builder() {
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        public Builder sqsPort(int port) {
            this.sqsPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        public Builder secretsManagerPort(int port) {
            this.secretsManagerPort = port;
            return this;
        }

        public Builder kmsPort(int port) {
            this.kmsPort = port;
            return this;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(dataDir, dynamoDbPort, sqsPort, s3Port, secretsManagerPort, kmsPort);
        }
    }
}
