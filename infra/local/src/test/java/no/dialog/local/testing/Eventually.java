package no.dialog.local.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in local-stack tests for what happens asynchronously (a queue drained, a schedule fired, a webhook
 * delivered): the condition is checked every quarter second for up to two minutes, generous for a shared
 * two-core machine; a test that times out names what it waited for.
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
        throw new AssertionError("timed out waiting for: " + what);
    }
}
