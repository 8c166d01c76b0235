package no.dialog.emulators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints how long the emulators take to start in a fresh JVM and how much heap they use once started.
 * Not a test: run it by hand, e.g. with {@code -Xmx128m} to check they fit a small heap.
 */
public final class StartupFigures {

    private static final Logger LOG = LoggerFactory.getLogger(StartupFigures.class);

    private StartupFigures() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        try (Emulators emulators = Emulators.start()) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            LOG.info("Emulators started in {} ms; heap in use after start and GC: {} MiB (max {} MiB)",
                    startMillis, usedMiB, runtime.maxMemory() / (1024 * 1024));
        }
    }
}
