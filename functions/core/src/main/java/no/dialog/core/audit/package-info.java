/**
 * Who did what: the audit log of staff actions ({@link no.dialog.core.audit.AuditEntry}, the port
 * {@link no.dialog.core.audit.AuditLog}), kept append-only for {@link no.dialog.core.audit.AuditRetention#PERIOD}.
 * The admin API records every write and the reads of personal data it names (docs/adr/0027-audit.md).
 */
package no.dialog.core.audit;
