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
    private volatile long peakAfterGc;
    private volatile boolean running = true;
    private final Thread sampler;

    HeapPeak() {
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
                peakAfterGc = Math.max(peakAfterGc, afterLastGc());
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
        peakAfterGc = afterLastGc();
    }

    /**
     * The highest heap still in use right after a collection during the phase: the live data the phase
     * needed, independent of how much garbage the collector lets pile up before collecting.
     */
    long peakAfterGcMiB() {
        return peakAfterGc / (1024 * 1024);
    }

    private static long afterLastGc() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
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
