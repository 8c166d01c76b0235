package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import no.dialog.core.journey.JourneyHead;

/** The JSON the journey routes answer with (see docs/openapi.yaml). */
final class JourneyViews {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JourneyViews() {}

    /** Where a journey stands, without its definition; {@code winners} only once an experiment has one. */
    static ObjectNode head(JourneyHead head) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", head.journeyId())
                .put("name", head.name())
                .put("status", head.status().name())
                .put("latestVersion", head.latestVersion())
                .put("activeVersion", head.activeVersion())
                .put("revision", head.revision())
                .put("updatedAt", head.updatedAt().toString());
        if (!head.winners().isEmpty()) {
            ObjectNode winners = node.putObject("winners");
            head.winners().forEach((version, arm) -> winners.put(Integer.toString(version), arm));
        }
        return node;
    }

    static ObjectNode heads(List<JourneyHead> heads) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("journeys");
        heads.forEach(h -> list.add(head(h)));
        return node;
    }

    /** The head plus one version's definition ({@code version} says which). */
    static ObjectNode journey(JourneyHead head, int version, JsonNode definition) {
        ObjectNode node = head(head).put("version", version);
        node.set("definition", definition);
        return node;
    }

    /** A JSON answer carrying the journey's revision as its ETag, for the next If-Match. */
    static MutableHttpResponse<String> json(HttpStatus status, JourneyHead head, JsonNode body) {
        return SegmentViews.json(status, body).header(Revisions.ETAG, Revisions.etag(head.revision()));
    }
}
