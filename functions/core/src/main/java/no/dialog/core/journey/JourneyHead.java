package no.dialog.core.journey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param winners       the arm declared the winner of each version's experiment, by version number (see
 *                      {@link JourneyStore#declareWinner}); kept on the head, which runtimes read every few
 *                      seconds, because the versions themselves never change
 */
public record JourneyHead(String journeyId, String name, JourneyStatus status, int latestVersion, int activeVersion,
                          Instant updatedAt, long revision, Map<Integer, String> winners) {

    /** A head whose versions have no declared winner. */
    public JourneyHead(String journeyId, String name, JourneyStatus status, int latestVersion, int activeVersion,
                       Instant updatedAt, long revision) {
        this(journeyId, name, status, latestVersion, activeVersion, updatedAt, revision, Map.of());
    }

    public JourneyHead {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (latestVersion < 1 || activeVersion < 0 || activeVersion > latestVersion) {
            throw new IllegalArgumentException("versions must satisfy 0 <= activeVersion <= latestVersion, latestVersion >= 1");
        }
        winners = winners == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(winners));
    }

    /** The declared winner of {@code version}'s experiment, or null. */
    public String winner(int version) {
        return winners.get(version);
    }

    /** True when the journey has a version that new enrolments may start on. */
    public boolean hasActiveVersion() {
        return activeVersion > 0;
    }
}
