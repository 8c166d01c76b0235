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
}
