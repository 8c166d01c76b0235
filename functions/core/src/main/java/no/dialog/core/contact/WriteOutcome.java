package no.dialog.core.contact;

/** What storing one contact did. */
public enum WriteOutcome {
    /** The contact was new (or re-created after a deletion). */
    CREATED,
    /** The stored contact was replaced by newer data. */
    UPDATED,
    /** The data was newer or equal but identical in content: nothing a reader would notice changed. */
    UNCHANGED,
    /** Dialog already holds data as new or newer: the update was ignored, so nothing rolls back. */
    STALE,
    /** The contact was removed (a tombstone keeps its time, so a late update cannot bring it back). */
    DELETED
}
