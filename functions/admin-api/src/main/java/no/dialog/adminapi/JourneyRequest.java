package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;

/**
 * The body of a journey write: the journey definition exactly as docs/journeys.md describes it, plus an
 * optional top-level {@code "id"}. The journey's name is the definition's {@code name}, so it is never
 * given twice. Problems carry core's paths unchanged ({@code steps[1].timeout}), the same paths the
 * definition has in the docs; {@code id} is the only key the API adds.
 *
 * @param canonical the definition in core's canonical JSON: what is stored and read back
 */
record JourneyRequest(String id, JourneyDefinition definition, JsonNode canonical, List<Problem> problems) {

    boolean ok() {
        return problems.isEmpty();
    }

    static JourneyRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new JourneyRequest(null, null, null, List.of(new Problem("", "must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        ObjectNode definitionJson = ((ObjectNode) body).deepCopy();
        JsonNode idNode = definitionJson.remove("id");
        String id = null;
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual() && JourneyIds.isValid(idNode.asText())) {
                id = idNode.asText();
            } else {
                problems.add(new Problem("id", JourneyIds.RULE));
            }
        }
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(definitionJson);
        problems.addAll(parsed.problems());
        if (!problems.isEmpty()) {
            return new JourneyRequest(id, null, null, List.copyOf(problems));
        }
        return new JourneyRequest(id, parsed.definition(), JourneyDefinitions.toJson(parsed.definition()), List.of());
    }
}
