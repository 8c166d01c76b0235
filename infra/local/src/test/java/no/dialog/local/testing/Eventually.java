package no.dialog.local.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in local-stack tests for what happens asynchronously (a queue drained, a schedule fired, a webhook
 * delivered): the condition is checked every quarter second for up to two minutes, generous for a shared
 * two-core machine; a test that times out names what it waited for and prints every thread's stack.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private Eventually() {}

    public static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        // What every thread was doing when patience ran out: a stuck background thread (an emulator's
        // notifier, a function instance) shows here, in the test's output.
        StringBuilder dump = new StringBuilder("Threads when the wait for '" + what + "' timed out:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        System.err.println(dump);
        throw new AssertionError("timed out waiting for: " + what);
    }
}
