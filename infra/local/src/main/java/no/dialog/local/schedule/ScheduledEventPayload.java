package no.dialog.local.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.dialog.local.bus.EventEnvelope;

/**
 * The event EventBridge sends a target when a scheduled rule fires:
 *
 * <pre>{@code
 * {"version":"0","id":"...","detail-type":"Scheduled Event","source":"aws.events",
 *  "account":"000000000000","time":"2026-03-02T09:00:00Z","region":"eu-north-1",
 *  "resources":["arn:aws:events:eu-north-1:000000000000:rule/due-waits"],"detail":{}}
 * }</pre>
 *
 * {@code time} is when the schedule was due, in UTC, whole seconds.
 */
public final class ScheduledEventPayload {

    private ScheduledEventPayload() {
    }

    /** The Scheduled Event for the schedule (rule) {@code scheduleName}, due at {@code scheduledTime}. */
    public static String build(String scheduleName, Instant scheduledTime) {
        return EventEnvelope.build(UUID.randomUUID().toString(), "Scheduled Event", "aws.events", scheduledTime,
                List.of(EventEnvelope.ruleArn(scheduleName)), JsonNodeFactory.instance.objectNode()).toString();
    }

    /** What a schedule's target receives: its Input when it has one, otherwise the Scheduled Event. */
    static String forFire(ScheduleDefinition schedule, Instant scheduledTime) {
        return schedule.input() != null ? schedule.input() : build(schedule.name(), scheduledTime);
    }
}
