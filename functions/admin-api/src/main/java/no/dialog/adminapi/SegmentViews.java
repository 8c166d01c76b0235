package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentDefinition;

/** The JSON the segment routes answer with (see docs/openapi.yaml). */
final class SegmentViews {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SegmentViews() {}

    static MutableHttpResponse<String> json(HttpStatus status, JsonNode body) {
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body.toString());
    }

    static ObjectNode segment(SegmentDefinition segment) {
        ObjectNode node = MAPPER.createObjectNode().put("id", segment.id()).put("name", segment.name());
        node.set("criteria", segment.criteria());
        if (segment.updatedAt() != null) {
            node.put("updatedAt", segment.updatedAt().toString());
        }
        return node;
    }

    static ObjectNode segments(List<SegmentDefinition> segments) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("segments");
        segments.forEach(s -> list.add(segment(s)));
        return node;
    }

    /** Only ids and names: enough for staff to recognise people, nothing more leaves the API. */
    static ObjectNode preview(Preview preview) {
        ObjectNode node = MAPPER.createObjectNode().put("count", preview.count());
        ArrayNode sample = node.putArray("sample");
        for (Preview.Sample s : preview.sample()) {
            sample.addObject().put("id", s.contactId()).put("firstName", s.firstName()).put("lastName", s.lastName());
        }
        return node;
    }
}
