package no.dialog.emulators;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running as a server inside this JVM.
 *
 * <p>It listens on all interfaces (it has no option to bind to one) and keeps one database for every
 * access key and region ({@code -sharedDb}), so clients configured differently still see the same tables.
 */
final class DynamoDbServer implements AutoCloseable {

    /** Attempts when we pick the port ourselves and another process takes it before Jetty binds it. */
    private static final int BIND_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dbDir where to keep the database file, or {@code null} for in memory
     * @param port  the port, or 0 for a free one
     */
    static DynamoDbServer start(Path dbDir, int port) throws Exception {
        if (dbDir != null) {
            Files.createDirectories(dbDir);
        }
        // DynamoDB Local has no way to report the port Jetty picked for port 0, so we choose one.
        int attempts = port == 0 ? BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? FreePort.find() : port;
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments(dbDir, chosen));
            try {
                // safeStart, not start: start() only prints a bind failure to stderr and returns as if it had worked.
                server.safeStart();
                return new DynamoDbServer(server, chosen);
            } catch (Exception e) {
                stopQuietly(server, e);
                if (attempt >= attempts || !isBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    private static String[] arguments(Path dbDir, int port) {
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb",
                // Telemetry would try to reach AWS and write a metadata file into the working directory.
                "-disableTelemetry"));
        if (dbDir == null) {
            args.add("-inMemory");
        } else {
            args.addAll(List.of("-dbPath", dbDir.toString()));
        }
        return args.toArray(String[]::new);
    }

    private static void stopQuietly(DynamoDBProxyServer server, Exception startFailure) {
        try {
            server.stop();
        } catch (Exception e) {
            startFailure.addSuppressed(e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
