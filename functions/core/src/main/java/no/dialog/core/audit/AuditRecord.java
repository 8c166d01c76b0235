package no.dialog.core.audit;

import java.util.Objects;

/**
 * An entry as the log holds it, with the id the log gave it (unique within the organisation's log; it also
 * orders entries of the same millisecond).
 */
public record AuditRecord(String id, AuditEntry entry) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entry, "entry");
    }
}
