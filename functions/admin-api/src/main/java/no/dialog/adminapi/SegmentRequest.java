package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import no.dialog.core.contact.Problem;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;

/**
 * The body of a segment write, {@code {"id"?, "name", "criteria": {...}}}, checked whole: every problem
 * is reported at once, by path ({@code name}, {@code criteria.all[1].op}), so staff can fix them in
 * one go. The criteria are checked by core's {@link SegmentDefinitions}.
 */
record SegmentRequest(String id, String name, JsonNode criteria, Criterion criterion, List<Problem> problems) {

    static final int NAME_MAX = 200;
    private static final Set<String> KEYS = Set.of("id", "name", "criteria");

    boolean ok() {
        return problems.isEmpty();
    }

    /** A whole segment (POST, PUT). */
    static SegmentRequest parse(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new SegmentRequest(null, null, null, null, List.of(new Problem("", "must be a JSON object")));
        }
        unknownKeys(body, KEYS, problems);
        String id = null;
        JsonNode idNode = body.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual() && SegmentIds.isValid(idNode.asText())) {
                id = idNode.asText();
            } else {
                problems.add(new Problem("id", SegmentIds.RULE));
            }
        }
        String name = null;
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            problems.add(new Problem("name", "is required and must be text"));
        } else if (nameNode.asText().strip().length() > NAME_MAX) {
            problems.add(new Problem("name", "must be at most " + NAME_MAX + " characters"));
        } else {
            name = nameNode.asText().strip();
        }
        Criterion criterion = criteria(body.get("criteria"), problems);
        return new SegmentRequest(id, name, body.get("criteria"), criterion, List.copyOf(problems));
    }

    /** Criteria alone, for a preview of criteria that are not stored: {@code {"criteria": {...}}}. */
    static SegmentRequest parseCriteriaOnly(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new SegmentRequest(null, null, null, null, List.of(new Problem("", "must be a JSON object")));
        }
        unknownKeys(body, Set.of("criteria"), problems);
        Criterion criterion = criteria(body.get("criteria"), problems);
        return new SegmentRequest(null, null, body.get("criteria"), criterion, List.copyOf(problems));
    }

    private static Criterion criteria(JsonNode criteria, List<Problem> problems) {
        if (criteria == null || criteria.isNull()) {
            problems.add(new Problem("criteria", "is required"));
            return null;
        }
        SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(criteria);
        for (Problem p : parsed.problems()) {
            problems.add(new Problem(p.field().isEmpty() ? "criteria" : "criteria." + p.field(), p.reason()));
        }
        return parsed.criterion();
    }

    private static void unknownKeys(JsonNode body, Set<String> allowed, List<Problem> problems) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                // A key, not a value: safe to name, and it tells staff what to remove.
                problems.add(new Problem(key, "unknown key"));
            }
        }
    }
}
