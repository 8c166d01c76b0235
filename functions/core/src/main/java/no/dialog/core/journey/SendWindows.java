package no.dialog.core.journey;

import java.time.Instant;

/**
 * When a send step may send, for one organisation: quiet hours for SMS and chat, the calling window for
 * telemarketing. A person who reaches a send step outside its window waits at that step until the
 * window opens (the journey's own wait, on the journey's clock) instead of being dropped.
 */
@FunctionalInterface
public interface SendWindows {

    /** Every channel, every time. */
    SendWindows ALWAYS = (channel, now) -> now;

    /** @return {@code now} if a message on the channel may go now, else the instant it may */
    Instant earliest(SendChannel channel, Instant now);
}
