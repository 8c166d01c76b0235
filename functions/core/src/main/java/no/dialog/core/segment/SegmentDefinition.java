package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** A named, stored segment: its criteria in their JSON form (as staff sent them, validated). */
public record SegmentDefinition(String id, String name, JsonNode criteria, Instant updatedAt) {

    public SegmentDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criteria, "criteria");
    }
}
