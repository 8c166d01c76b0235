package no.dialog.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB, SQS, S3, Secrets Manager and KMS emulators running inside this JVM, so the local stack needs neither Docker nor
 * an AWS account.
 *
 * <ul>
 *   <li>DynamoDB: DynamoDB Local. One database for all credentials and regions. It listens on all
 *       interfaces; the others listen on 127.0.0.1 only.</li>
 *   <li>SQS: ElasticMQ. <b>Always in memory</b>: queues and messages are lost on {@link #close()}, even
 *       with a data directory.</li>
 *   <li>S3: S3Proxy over jclouds, unauthenticated (signed and unsigned requests both work) and
 *       path-style. Objects created through it are reported to {@link ObjectCreatedListener}s, standing
 *       in for S3 event notifications. Buckets may be created with any AWS region as location.</li>
 *   <li>Secrets Manager: {@link SecretsManagerServer}, written for Dialog (no embeddable emulator exists), on
 *       127.0.0.1, the AWS JSON 1.1 protocol for the operations Dialog and its operators use.</li>
 *   <li>KMS: {@link KmsServer}, written for Dialog likewise: symmetric keys, aliases, Encrypt, Decrypt and
 *       GenerateDataKey with ciphertexts bound to their key and encryption context.</li>
 * </ul>
 *
 * <p>With {@link EmulatorOptions#dataDir()} set, DynamoDB tables and items ({@code dataDir/dynamodb}) and
 * S3 buckets and objects ({@code dataDir/s3}, plain files) and secrets ({@code dataDir/secretsmanager.json}) and KMS keys ({@code dataDir/kms.json})
 * survive a restart; without it everything is in
 * memory.
 *
 * <p><b>Logging.</b> These libraries log through SLF4J, and S3Proxy brings logback, which logs everything
 * at DEBUG until configured. This module ships no {@code logback.xml} so that the application decides;
 * set these loggers to WARN to quiet the emulators: {@code org.eclipse.jetty} (DynamoDB Local's server),
 * {@code org.gaul} (S3Proxy and its own shaded Jetty), {@code org.jclouds}, {@code org.apache.pekko} and
 * {@code org.elasticmq} (ElasticMQ), and {@code software.amazon.awssdk}. DynamoDB Local logs through Log4j 2,
 * which its jar configures to WARN, and prints its configuration to standard output on every start.
 */
public final class Emulators implements AutoCloseable {

    private final DynamoDbServer dynamoDbServer;
    private final SqsServer sqsServer;
    private final S3Server s3Server;
    private final SecretsManagerServer secretsManagerServer;
    private final KmsServer kmsServer;

    // Built on first use: most users point their own clients at the endpoints and never need these.
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private S3Client s3;
    private SecretsManagerClient secretsManager;
    private KmsClient kms;
    private boolean closed;

    private Emulators(DynamoDbServer dynamoDbServer, SqsServer sqsServer, S3Server s3Server,
            SecretsManagerServer secretsManagerServer, KmsServer kmsServer) {
        this.dynamoDbServer = dynamoDbServer;
        this.sqsServer = sqsServer;
        this.s3Server = s3Server;
        this.secretsManagerServer = secretsManagerServer;
        this.kmsServer = kmsServer;
    }

    /** Starts all of them in memory on free ports. */
    public static Emulators start() {
        return start(EmulatorOptions.inMemory());
    }

    /**
     * Starts all the emulators and returns once each accepts connections.
     *
     * @throws IllegalStateException if one of them cannot start; those already started are stopped again
     */
    public static Emulators start(EmulatorOptions options) {
        Path dataDir = options.dataDir();
        // Stack: on failure, whatever did start is stopped again, newest first.
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DynamoDbServer dynamoDb = DynamoDbServer.start(
                    dataDir == null ? null : dataDir.resolve("dynamodb"), options.dynamoDbPort());
            started.push(dynamoDb);
            SqsServer sqs = SqsServer.start(options.sqsPort());
            started.push(sqs);
            S3Server s3 = S3Server.start(dataDir == null ? null : dataDir.resolve("s3"), options.s3Port());
            started.push(s3);
            SecretsManagerServer secrets = SecretsManagerServer.start(
                    dataDir == null ? null : dataDir.resolve("secretsmanager.json"), options.secretsManagerPort());
            started.push(secrets);
            KmsServer kms = KmsServer.start(dataDir == null ? null : dataDir.resolve("kms.json"), options.kmsPort());
            return new Emulators(dynamoDb, sqs, s3, secrets, kms);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("Could not start the emulators", e);
            closeAll(started, failure);
            throw failure;
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public URI secretsManagerEndpoint() {
        return secretsManagerServer.endpoint();
    }

    public URI kmsEndpoint() {
        return kmsServer.endpoint();
    }

    /** A client for the local DynamoDB, shared by all callers; closed with the emulators. */
    public synchronized DynamoDbClient dynamoDb() {
        checkOpen();
        if (dynamoDb == null) {
            dynamoDb = LocalAwsClients.dynamoDb(dynamoDbEndpoint());
        }
        return dynamoDb;
    }

    /** A client for the local SQS, shared by all callers; closed with the emulators. */
    public synchronized SqsClient sqs() {
        checkOpen();
        if (sqs == null) {
            sqs = LocalAwsClients.sqs(sqsEndpoint());
        }
        return sqs;
    }

    /** A path-style client for the local S3, shared by all callers; closed with the emulators. */
    public synchronized S3Client s3() {
        checkOpen();
        if (s3 == null) {
            s3 = LocalAwsClients.s3(s3Endpoint());
        }
        return s3;
    }

    /** A client for the local Secrets Manager, shared by all callers; closed with the emulators. */
    public synchronized SecretsManagerClient secretsManager() {
        checkOpen();
        if (secretsManager == null) {
            secretsManager = LocalAwsClients.secretsManager(secretsManagerEndpoint());
        }
        return secretsManager;
    }

    /** A client for the local KMS, shared by all callers; closed with the emulators. */
    public synchronized KmsClient kms() {
        checkOpen();
        if (kms == null) {
            kms = LocalAwsClients.kms(kmsEndpoint());
        }
        return kms;
    }

    /** Calls {@code listener} for every object created in the local S3 from now on. */
    public void addObjectCreatedListener(ObjectCreatedListener listener) {
        s3Server.addListener(listener);
    }

    public void removeObjectCreatedListener(ObjectCreatedListener listener) {
        s3Server.removeListener(listener);
    }

    /**
     * Closes the shared clients and stops the servers. Calling it again does nothing.
     *
     * @throws IllegalStateException if something failed to stop; everything else was still stopped
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IllegalStateException failure = new IllegalStateException("Could not stop the emulators cleanly");
        closeAll(List.of(nullSafe(dynamoDb), nullSafe(sqs), nullSafe(s3), nullSafe(secretsManager), nullSafe(kms),
                kmsServer, secretsManagerServer, s3Server, sqsServer, dynamoDbServer),
                failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The emulators are closed");
        }
    }

    private static AutoCloseable nullSafe(AutoCloseable closeable) {
        return closeable == null ? () -> { } : closeable;
    }

    /** Closes each in turn, even after one fails; failures are added to {@code failure} as suppressed. */
    private static void closeAll(Iterable<AutoCloseable> closeables, Exception failure) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
