package no.dialog.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, an SQS-compatible server, running inside this JVM on 127.0.0.1.
 *
 * <p>Queues and messages live in memory only: they are gone when the server stops. Queue URLs it hands
 * out name the port it is actually bound to, also when that port was picked freely.
 */
final class SqsServer implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private SqsServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port the port, or 0 for a free one */
    static SqsServer start(int port) {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(port)
                // So queue ARNs (e.g. in a RedrivePolicy) look like those of the rest of the local stack.
                .withAWSRegion(AwsLocal.REGION.id())
                .withAWSAccountId(AwsLocal.ACCOUNT_ID)
                .start();
        try {
            int boundPort = server.waitUntilStarted().localAddress().getPort();
            return new SqsServer(server, boundPort);
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
