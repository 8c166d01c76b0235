package no.dialog.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 15 (the Debian package's binaries) on loopback, in a temporary directory,
 * for the peer of a benchmark. {@link #close()} stops it and deletes the directory; a shutdown hook
 * does the same if the benchmark dies first. As root, the server runs as the {@code postgres} user,
 * since PostgreSQL refuses to run as root.
 */
final class LocalPostgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalPostgres(Path dir, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
    }

    static LocalPostgres start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed at " + BIN
                    + " (apt-get install -y postgresql-15; infra/bench/run does this when it can)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("dialog-bench-pg");
        LocalPostgres pg = new LocalPostgres(dir, freePort(), root);
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        try {
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            pg.run(BIN.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U bench -E UTF8 --no-locale --no-sync");
            // Settings a competent operator would give a 1M-contact read model on this machine; fsync off
            // only speeds the load, it does not change how queries run.
            String options = "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                    + " -c shared_buffers=512MB -c work_mem=64MB -c effective_cache_size=2GB"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB";
            pg.run(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log")
                    + " -w -t 60 -o '" + options + "' start");
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=bench";
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing left to do.
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w stop");
            }
        } catch (Exception e) {
            System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void run(String shellCommand) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("sh", "-c", shellCommand));
        try {
            run(command, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", command) + "\n" + new String(output));
        }
        if (!quiet) {
            System.out.print(new String(output));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
