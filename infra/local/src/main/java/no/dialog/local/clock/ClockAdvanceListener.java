package no.dialog.local.clock;

/**
 * Told after a {@link LocalClock} moved forward, for example so the local scheduler can
 * fire what became due at once instead of at its next tick.
 *
 * <p>Listeners run on the thread that advanced the clock, one after another: keep them
 * short and hand real work to an executor.
 */
@FunctionalInterface
public interface ClockAdvanceListener {

    void clockAdvanced(ClockAdvanced advance);
}
