package no.dialog.local.schedule;

import java.time.Instant;

/**
 * One firing of a schedule, handed to its target.
 *
 * @param scheduleName  the schedule's name
 * @param expression    its expression, e.g. {@code rate(5 minutes)}
 * @param scheduledTime the time it was due (also the {@code time} in the payload)
 * @param firedAt       the local clock's time when it actually fired; later than
 *                      {@code scheduledTime} after a clock jump
 * @param payload       what the target receives: the Scheduled Event JSON, or the
 *                      schedule's Input
 */
public record ScheduledFire(String scheduleName, String expression, Instant scheduledTime, Instant firedAt,
                            String payload) {
}
