package no.dialog.core.privacy.export;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a person, for staff: when, what kind, and a one-line summary with contact values
 * masked. {@code id} is unique in the person's timeline and is what a page of it is cut after.
 *
 * @param channel   the channel, for messages, consents and run lines; else null
 * @param journeyId the journey it happened in, where there is one; else null
 */
public record TimelineEvent(String id, Instant at, String kind, String channel, String journeyId, String summary) {

    public TimelineEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
    }
}
