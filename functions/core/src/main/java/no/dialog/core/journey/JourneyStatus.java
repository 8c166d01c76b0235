package no.dialog.core.journey;

/** A journey's lifecycle: draft → active → paused ⇄ active → ended. Only drafts are edited in place. */
public enum JourneyStatus {
    DRAFT, ACTIVE, PAUSED, ENDED
}
