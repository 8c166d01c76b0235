package no.dialog.core.landing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where personal links and their submissions are kept (DynamoDB in production:
 * {@code LandingLinksTable}).
 */
public interface LinkStore {

    /** Stores a new link; false (and nothing changed) if the id is already there. */
    boolean create(StoredLink link);

    Optional<StoredLink> find(String linkId);

    /**
     * Records a valid submission, with the sealed (encrypted) values it carried, such as a national
     * identity number for the tax deduction.
     *
     * @return false if this submission id was already recorded (a repeat that must have no new effect)
     */
    boolean recordSubmission(String linkId, String submissionId, Instant at, Map<String, String> sealed);

    /**
     * Claims a one-time page's link for one submission, atomically, before any of its effects: of two
     * different submissions sent at the same moment, exactly one gets true. The same submission id may
     * claim again (a retry, or a resumption after a crash between claim and record).
     *
     * @return false if another submission claimed the link or was recorded on it
     */
    boolean claimOnce(String linkId, String submissionId);
}
