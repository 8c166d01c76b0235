package no.dialog.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report written next to a contact file: counts, and every rejected row with its line number and
 * reason (up to {@link ImportProgress#MAX_LISTED_ERRORS}). Reasons name fields and rules, never values.
 */
public final class ImportReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImportReport() {}

    public static String toJson(ImportProgress p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", p.file().key());
        n.put("importId", p.importId());
        n.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
        if (p.reason() != null) {
            n.put("reason", p.reason());
        }
        n.put("startedAt", p.startedAt().toString());
        if (p.finishedAt() != null) {
            n.put("finishedAt", p.finishedAt().toString());
        }
        n.put("lines", p.lines());
        n.put("created", p.created());
        n.put("updated", p.updated());
        n.put("unchanged", p.unchanged());
        n.put("ignoredAsOlder", p.stale());
        n.put("rejected", p.rejected());
        ArrayNode errors = n.putArray("errors");
        for (RowError e : p.errors()) {
            ObjectNode o = errors.addObject();
            o.put("line", e.line());
            if (e.contactId() != null) {
                o.put("contactId", e.contactId());
            }
            o.put("field", e.field());
            o.put("reason", e.reason());
        }
        n.put("errorsListedAtMost", ImportProgress.MAX_LISTED_ERRORS);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }
}
