package no.dialog.emulators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints how long the emulators take to start and stop in a fresh JVM, and how much heap they use once
 * started. Not a test, as timings depend on the machine: run it by hand, e.g. with {@code -Xmx128m} to
 * check that they fit a small heap.
 */
public final class StartupFigures {

    private static final Logger LOG = LoggerFactory.getLogger(StartupFigures.class);

    private StartupFigures() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Emulators emulators = Emulators.start();
        long startMillis = millisSince(started);

        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

        // One request each, so that closing also has to deal with open client connections.
        emulators.dynamoDb().listTables();
        emulators.sqs().listQueues();
        emulators.s3().listBuckets();
        long closing = System.nanoTime();
        emulators.close();

        LOG.info("Started in {} ms; heap in use after start and GC {} MiB of max {} MiB; closed in {} ms",
                startMillis, usedMiB, runtime.maxMemory() / (1024 * 1024), millisSince(closing));
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
