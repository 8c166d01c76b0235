package no.dialog.core.audit;

import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/**
 * The append-only record of what staff did (docs/adr/0027-audit.md). Entries are added, never changed or
 * removed by Dialog; they expire after {@link AuditRetention#PERIOD}.
 */
public interface AuditLog {

    /**
     * Keeps the entry, in its organisation's log (or the platform's, for an entry without a tenant).
     *
     * @return the id the log gave the entry
     * @throws Unavailable when the entry could not be kept; the caller must not report the action as done
     */
    String append(AuditEntry entry);

    /**
     * One page of the organisation's entries that match the query, newest first. Another organisation's entries,
     * and the platform's, are never listed.
     *
     * @throws IllegalArgumentException when {@code page.after()} is not a key this log gave
     */
    Page<AuditRecord> list(TenantId tenant, AuditQuery query, PageRequest page);

    /** The log could not keep an entry (the store refused or did not answer). */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
