package no.dialog.adminapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import no.dialog.core.journey.JourneyConflict;

/**
 * Answers to a journey write the store refused. Every kind is 409: an id taken, a stale revision (read
 * it again) and a change the status does not allow all ask the caller to look at the journey again.
 * The reason names the rule and holds only ids, revisions and statuses.
 */
final class JourneyConflicts {

    private JourneyConflicts() {}

    static HttpResponse<String> of(JourneyConflict conflict) {
        return ApiErrors.of(HttpStatus.CONFLICT, conflict.reason());
    }

    static HttpResponse<String> stale(String journeyId, long expected) {
        return ApiErrors.of(HttpStatus.CONFLICT, "journey " + journeyId + " was changed by someone else since revision "
                + expected + "; read it again");
    }
}
