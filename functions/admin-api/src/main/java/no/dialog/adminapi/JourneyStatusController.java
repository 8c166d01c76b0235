package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyLifecycle;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.tenant.TenantId;

/**
 * A journey's status changes: activate (a draft), pause, resume (a paused journey) and end. Activate and
 * resume make the latest version the running one, so they first run the activation checks on it (422
 * with every problem, and nothing changes). No body; {@code If-Match} may name the revision the caller
 * saw (409 when it is stale), otherwise the stored revision is used, and the store's conditional write
 * still makes sure the version checked is the version activated.
 */
@Controller("/admin/v1/journeys/{id}")
public class JourneyStatusController {

    private final JourneyStore journeys;
    private final JourneyActivationCheck activation;
    private final Clock clock;

    public JourneyStatusController(JourneyStore journeys, JourneyActivationCheck activation, Clock clock) {
        this.journeys = journeys;
        this.activation = activation;
        this.clock = clock;
    }

    @Post("/activate")
    @StaffOnly(value = Access.WRITE, what = JourneysController.JOURNEYS)
    public HttpResponse<String> activate(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        return change(id, staff, request, JourneyStatus.DRAFT, JourneyStatus.ACTIVE, "only a draft can be activated; a paused journey is resumed");
    }

    @Post("/pause")
    @StaffOnly(value = Access.WRITE, what = JourneysController.JOURNEYS)
    public HttpResponse<String> pause(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        return change(id, staff, request, null, JourneyStatus.PAUSED, null);
    }

    @Post("/resume")
    @StaffOnly(value = Access.WRITE, what = JourneysController.JOURNEYS)
    public HttpResponse<String> resume(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        return change(id, staff, request, JourneyStatus.PAUSED, JourneyStatus.ACTIVE, "only a paused journey can be resumed");
    }

    @Post("/end")
    @StaffOnly(value = Access.WRITE, what = JourneysController.JOURNEYS)
    public HttpResponse<String> end(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        return change(id, staff, request, null, JourneyStatus.ENDED, null);
    }

    /**
     * @param from       the status the route is for (null: any the lifecycle allows)
     * @param fromReason the 409 reason when the journey is not in {@code from}
     */
    private HttpResponse<String> change(String id, StaffIdentity staff, APIGatewayV2HTTPEvent request,
                                        JourneyStatus from, JourneyStatus to, String fromReason) {
        Revisions.Outcome asked = Revisions.optional(request);
        if (asked.refused()) {
            return asked.refusal();
        }
        TenantId tenant = staff.tenant();
        Optional<JourneyHead> found = JourneyIds.isValid(id) ? journeys.head(tenant, id) : Optional.empty();
        if (found.isEmpty()) {
            return JourneysController.notFound();
        }
        JourneyHead current = found.get();
        if (asked.revision() != null && asked.revision() != current.revision()) {
            return JourneyConflicts.stale(id, asked.revision());
        }
        if (from != null && current.status() != from) {
            return ApiErrors.of(HttpStatus.CONFLICT, "journey " + id + " is " + current.status() + ": " + fromReason);
        }
        try {
            // The lifecycle's own refusal (e.g. ENDED → PAUSED) before any check is run on a version.
            JourneyLifecycle.changeStatus(current, to, clock.instant());
        } catch (JourneyConflict conflict) {
            return JourneyConflicts.of(conflict);
        }
        if (to == JourneyStatus.ACTIVE) {
            List<Problem> problems = activationProblems(tenant, current);
            if (!problems.isEmpty()) {
                return ApiErrors.invalid(HttpStatus.UNPROCESSABLE_ENTITY, JourneyActivationCheck.ERROR, problems);
            }
        }
        JourneyHead changed;
        try {
            changed = journeys.changeStatus(tenant, id, current.revision(), to, clock.instant());
        } catch (JourneyConflict conflict) {
            return JourneyConflicts.of(conflict);
        } catch (NoSuchElementException gone) {
            return JourneysController.notFound();
        }
        return JourneyViews.json(HttpStatus.OK, changed, JourneyViews.head(changed));
    }

    /** The checks on the version that would run: the latest (activation makes it the active one). */
    private List<Problem> activationProblems(TenantId tenant, JourneyHead head) {
        Optional<JsonNode> stored = journeys.version(tenant, head.journeyId(), head.latestVersion());
        if (stored.isEmpty()) {
            return List.of(new Problem("", "version " + head.latestVersion() + " is missing"));
        }
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(stored.get());
        if (!parsed.ok()) {
            // Stored definitions parsed when saved; a stricter reader since then may refuse them.
            return parsed.problems();
        }
        return activation.problems(tenant, parsed.definition());
    }
}
