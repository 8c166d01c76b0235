package no.dialog.local.lambda;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous to happen, with a generous limit; asserts no timings. */
public final class Await {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting until " + what, e);
      }
    }
  }
}
