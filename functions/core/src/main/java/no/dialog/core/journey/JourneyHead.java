package no.dialog.core.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a journey stands: its name, status and which versions exist, as kept on the journey's head
 * item. Versions themselves are immutable once a journey has left draft; see {@link JourneyStore}.
 *
 * @param journeyId     the journey's id within its tenant
 * @param name          what staff call it
 * @param status        its lifecycle state
 * @param latestVersion the newest version (1 for a new journey)
 * @param activeVersion the version new enrolments start on; 0 when the journey has never been active
 * @param updatedAt     when the head last changed
 * @param revision      increases by one with every write; writers pass the revision they read, so two
 *                      concurrent edits cannot both win
 */
public record JourneyHead(String journeyId, String name, JourneyStatus status, int latestVersion, int activeVersion,
                          Instant updatedAt, long revision) {

    public JourneyHead {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (latestVersion < 1 || activeVersion < 0 || activeVersion > latestVersion) {
            throw new IllegalArgumentException("versions must satisfy 0 <= activeVersion <= latestVersion, latestVersion >= 1");
        }
    }

    /** True when the journey has a version that new enrolments may start on. */
    public boolean hasActiveVersion() {
        return activeVersion > 0;
    }
}
