package no.dialog.local.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A schedule as the template declares it: a name, when it fires, and optionally the
 * constant {@code Input} its target receives instead of the standard "Scheduled Event".
 *
 * @param name       unique within the scheduler; also the rule name in the event's {@code resources}
 * @param expression when it fires
 * @param input      the JSON the target receives, or {@code null} for the Scheduled Event
 */
public record ScheduleDefinition(String name, ScheduleExpression expression, String input) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ScheduleDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A schedule needs a name");
        }
        Objects.requireNonNull(expression, "expression");
        if (input != null) {
            checkJson(name, input);
        }
    }

    /** A schedule read in UTC with the standard Scheduled Event as payload. */
    public static ScheduleDefinition of(String name, String expression) {
        return new ScheduleDefinition(name, ScheduleExpression.parse(expression), null);
    }

    /** A schedule whose cron or at expression is read in {@code timezone}. */
    public static ScheduleDefinition of(String name, String expression, ZoneId timezone) {
        return new ScheduleDefinition(name, ScheduleExpression.parse(expression, timezone), null);
    }

    /** The same schedule, delivering {@code inputJson} (a target's {@code Input}) instead of the Scheduled Event. */
    public ScheduleDefinition withInput(String inputJson) {
        return new ScheduleDefinition(name, expression, inputJson);
    }

    private static void checkJson(String name, String input) {
        try {
            JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The Input of schedule " + name + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
