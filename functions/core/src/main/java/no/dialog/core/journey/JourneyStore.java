package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/**
 * Port: a tenant's journeys, as a head (status, versions, revision) and numbered definition versions
 * kept in their JSON form. Every call is scoped to one tenant; another tenant's journey is missing.
 *
 * <p>Version rules, so that people already enrolled finish on the version they started:
 * <ul>
 *   <li>A DRAFT has one version, edited in place.</li>
 *   <li>Editing an ACTIVE journey writes version latest+1 and makes it active at once; editing a PAUSED
 *       one writes latest+1, which becomes active when the journey is resumed.</li>
 *   <li>An ENDED journey is not edited.</li>
 * </ul>
 * Status changes: DRAFT → ACTIVE (activates the latest version), ACTIVE → PAUSED, PAUSED → ACTIVE
 * (activates the latest version, so edits made while paused go live), ACTIVE or PAUSED → ENDED.
 *
 * <p>Every write names the revision it read ({@code expectedRevision}) and is refused with
 * {@link JourneyConflict.Kind#STALE_REVISION} when the stored one differs. A write either happens whole
 * (version and head together) or not at all.
 * <pre>{@code
 * JourneyHead head = journeys.create(tenant, "welcome", "Welcome", definitionJson, now);  // DRAFT v1, revision 1
 * head = journeys.changeStatus(tenant, "welcome", head.revision(), JourneyStatus.ACTIVE, now);
 * head = journeys.update(tenant, "welcome", head.revision(), "Welcome", editedJson, now); // v2, active
 * }</pre>
 */
public interface JourneyStore {

    Optional<JourneyHead> head(TenantId tenant, String journeyId);

    /** Every journey of the tenant (heads only), in id order. */
    List<JourneyHead> list(TenantId tenant);

    /**
     * One page of the tenant's journey heads in id order. This default cuts it from {@link #list}; stores
     * that can page (DynamoDB) read only the page.
     */
    default Page<JourneyHead> page(TenantId tenant, PageRequest request) {
        return Page.of(list(tenant), JourneyHead::journeyId, request);
    }

    /** The stored definition JSON of one version. */
    Optional<JsonNode> version(TenantId tenant, String journeyId, int version);

    /**
     * A new DRAFT journey with {@code definition} as version 1 and revision 1.
     *
     * @throws JourneyConflict ({@link JourneyConflict.Kind#ALREADY_EXISTS}) when the id is taken
     */
    JourneyHead create(TenantId tenant, String journeyId, String name, JsonNode definition, Instant now);

    /**
     * A new definition (and name), by the version rules above.
     *
     * @throws JourneyConflict       for a stale revision or an ENDED journey
     * @throws NoSuchElementException when there is no such journey
     */
    JourneyHead update(TenantId tenant, String journeyId, long expectedRevision, String name, JsonNode definition,
                       Instant now);

    /**
     * Moves the journey to {@code to}, by the status rules above.
     *
     * @throws JourneyConflict       for a stale revision or a change the rules do not allow
     * @throws NoSuchElementException when there is no such journey
     */
    JourneyHead changeStatus(TenantId tenant, String journeyId, long expectedRevision, JourneyStatus to, Instant now);

    /**
     * Declares {@code arm} the winner of {@code version}'s experiment (by {@link JourneyLifecycle#declareWinner}'s
     * rules): from then on, people reaching the experiment step of that version get the winning variant or
     * path; people already past it keep theirs, and the holdout goes on. The head (its
     * {@link JourneyHead#winners()}) and a {@link JourneyEvent#WINNER_DECLARED} entry of the journey's
     * {@link #history} are written together. Declaring the same arm again changes nothing and returns the head.
     * Needs no revision: it changes nothing an edit changes, and it retries a race with one itself.
     *
     * @param reason why, for staff (1-{@value JourneyEvent#MAX_REASON} characters; no personal data)
     * @throws JourneyConflict        for a draft, a version without an experiment, an arm that is not a
     *                                variant or path of it, or a version that already has another winner
     * @throws NoSuchElementException when there is no such journey or version
     */
    JourneyHead declareWinner(TenantId tenant, String journeyId, int version, String arm, String reason, Instant at);

    /** The journey's history, oldest first (empty for a journey without one, or none at all). */
    List<JourneyEvent> history(TenantId tenant, String journeyId);
}
