package no.dialog.local.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * What one {@link LocalClock#advance(Duration)} did.
 *
 * @param by     how far the clock moved
 * @param offset how far ahead of real time it now runs in total
 * @param now    the clock's time right after the advance
 */
public record ClockAdvanced(Duration by, Duration offset, Instant now) {
}
