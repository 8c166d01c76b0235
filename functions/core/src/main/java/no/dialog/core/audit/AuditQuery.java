package no.dialog.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries of an organisation's audit log to list; every part is optional (null) and the parts combine.
 *
 * @param from     entries at or after this time
 * @param to       entries before this time
 * @param subject  entries of this staff member (the token's subject)
 * @param route    entries of this route template ({@code /admin/v1/journeys/{id}}), any method
 * @param objectId entries about this object (a journey's id, a contact's id)
 */
public record AuditQuery(Instant from, Instant to, String subject, String route, String objectId) {

    /** Everything. */
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public AuditQuery {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The query as given, or the reason it is refused (from not before to). */
    public static Optional<String> problem(Instant from, Instant to) {
        return from != null && to != null && !from.isBefore(to) ? Optional.of("from must be before to")
                : Optional.empty();
    }

    /** Whether the entry is one this query lists (stores that cannot filter themselves use this). */
    public boolean matches(AuditEntry entry) {
        return (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to))
                && (subject == null || subject.equals(entry.subject()))
                && (route == null || route.equals(entry.route()))
                && (objectId == null || objectId.equals(entry.objectId()));
    }
}
