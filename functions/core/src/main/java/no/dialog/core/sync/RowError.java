package no.dialog.core.sync;

/** One rejected row of a contact file: its line number, the contact id if it could be read, and why. */
public record RowError(long line, String contactId, String field, String reason) {}
