package no.dialog.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event that went over a local bus, as the console and {@code GET /local/events} show it.
 * Serialises with a plain Jackson {@code ObjectMapper}; all fields are JSON-friendly.
 *
 * @param id           the EventBridge event id
 * @param time         the event's time, as in the envelope ({@code 2026-03-02T09:00:00Z})
 * @param bus          the bus it was put on
 * @param source       the envelope's {@code source}
 * @param detailType   the envelope's {@code detail-type}
 * @param tenant       the {@code tenant} field of the detail, or {@code null} if it has none
 * @param matchedRules the names of the rules it matched, sorted; empty if none did
 * @param detail       the event's detail
 */
public record RecordedEvent(String id, String time, String bus, String source, String detailType, String tenant,
                            List<String> matchedRules, JsonNode detail) {

    public RecordedEvent {
        matchedRules = List.copyOf(matchedRules);
    }
}
