package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.Comparator;
import java.util.List;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentField;

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

    /** One entry per field: id, type, labels nb/en, enum values and operators (in a stable order). */
    static ObjectNode fields(List<SegmentField.Description> fields) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("fields");
        for (SegmentField.Description field : fields) {
            ObjectNode entry = list.addObject().put("id", field.id()).put("type", field.type().jsonName());
            entry.putObject("labels").put("nb", field.labelNb()).put("en", field.labelEn());
            ArrayNode values = entry.putArray("values");
            field.allowedValues().forEach(values::add);
            ArrayNode operators = entry.putArray("operators");
            field.operators().stream().sorted(Comparator.comparingInt(Operator::ordinal))
                    .forEach(op -> operators.add(op.jsonName()));
        }
        return node;
    }
}
