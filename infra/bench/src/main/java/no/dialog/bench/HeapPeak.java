package no.dialog.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap in use during a phase, sampled every millisecond from a daemon thread. Heap in use
 * includes garbage not yet collected, so this is what the JVM actually needed to hold at once, an upper
 * bound of the live data.
 */
final class HeapPeak implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private volatile long peak;
    private volatile boolean running = true;
    private final Thread sampler;

    HeapPeak() {
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a new phase: collect garbage first, so the phase starts from live data only. */
    void reset() {
        System.gc();
        peak = MEMORY.getHeapMemoryUsage().getUsed();
    }

    long peakMiB() {
        peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
        return peak / (1024 * 1024);
    }

    static long liveMiB() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
