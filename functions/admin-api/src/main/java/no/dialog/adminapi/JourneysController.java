package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.paging.Page;
import no.dialog.core.tenant.TenantId;

/**
 * The caller's tenant's journeys: list (heads), create, read (head and a version's definition) and
 * edit. The body of a write is the definition of docs/journeys.md, with an optional {@code "id"} on
 * create; an edit names the revision it read in {@code If-Match} (each answer's {@code ETag}). Editing an
 * ACTIVE journey writes a new version that runs at once, so the edit must pass the activation checks
 * (422 otherwise, and nothing changes). Status changes are {@link JourneyStatusController}'s.
 */
@Controller("/admin/v1/journeys")
public class JourneysController {

    static final String JOURNEYS = "journeys";
    private static final String INVALID = "invalid journey";

    private final JourneyStore journeys;
    private final JourneyActivationCheck activation;
    private final Clock clock;

    public JourneysController(JourneyStore journeys, JourneyActivationCheck activation, Clock clock) {
        this.journeys = journeys;
        this.activation = activation;
        this.clock = clock;
    }

    @Get
    @StaffOnly(value = Access.READ, what = JOURNEYS)
    public HttpResponse<String> list(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Page<JourneyHead> page = journeys.page(staff.tenant(), paging.request());
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(JourneyViews.heads(page.items()), page));
    }

    /** A new DRAFT journey, version 1. Drafts may be half-built: only the format is checked here. */
    @Post
    @StaffOnly(value = Access.WRITE, what = JOURNEYS)
    public HttpResponse<String> create(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        JourneyRequest parsed = JourneyRequest.parse(body.json());
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        String id = parsed.id() != null ? parsed.id() : JourneyIds.fromName(parsed.definition().name());
        JourneyHead head;
        try {
            head = journeys.create(staff.tenant(), id, parsed.definition().name(), parsed.canonical(),
                    clock.instant());
        } catch (JourneyConflict conflict) {
            return JourneyConflicts.of(conflict);
        }
        return JourneyViews.json(HttpStatus.CREATED, head, JourneyViews.journey(head, 1, parsed.canonical()))
                .header("Location", "/admin/v1/journeys/" + id);
    }

    /** The head and the latest version's definition, or {@code ?version=N}'s. */
    @Get("/{id}")
    @StaffOnly(value = Access.READ, what = JOURNEYS)
    public HttpResponse<String> get(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        TenantId tenant = staff.tenant();
        Optional<JourneyHead> head = find(tenant, id);
        if (head.isEmpty()) {
            return notFound();
        }
        int version = head.get().latestVersion();
        String asked = QueryParameters.get(request, "version");
        if (asked != null) {
            if (!asked.matches("[0-9]{1,9}")) {
                return ApiErrors.of(HttpStatus.BAD_REQUEST, "version must be a whole number of at least 1");
            }
            version = Integer.parseInt(asked);
            if (version < 1 || version > head.get().latestVersion()) {
                return ApiErrors.of(HttpStatus.NOT_FOUND, "no such version of this journey");
            }
        }
        Optional<JsonNode> definition = journeys.version(tenant, id, version);
        if (definition.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no such version of this journey");
        }
        return JourneyViews.json(HttpStatus.OK, head.get(), JourneyViews.journey(head.get(), version, definition.get()));
    }

    /**
     * A new definition, by the store's version rules: a draft is replaced in place; an active journey
     * gets version latest+1, live at once (so it must pass the activation checks); a paused one gets
     * latest+1 for the resume (checked then); an ended one is not edited (409).
     */
    @Put("/{id}")
    @StaffOnly(value = Access.WRITE, what = JOURNEYS)
    public HttpResponse<String> edit(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (!JourneyIds.isValid(id)) {
            return notFound();
        }
        Revisions.Outcome revision = Revisions.required(request);
        if (revision.refused()) {
            return revision.refusal();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        JourneyRequest parsed = JourneyRequest.parse(body.json());
        if (parsed.id() != null && !parsed.id().equals(id)) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID,
                    List.of(new Problem("id", "must be left out or equal the id in the path")));
        }
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        TenantId tenant = staff.tenant();
        Optional<JourneyHead> current = journeys.head(tenant, id);
        if (current.isEmpty()) {
            return notFound();
        }
        if (current.get().revision() != revision.revision()) {
            return JourneyConflicts.stale(id, revision.revision());
        }
        if (current.get().status() == JourneyStatus.ACTIVE) {
            List<Problem> problems = activation.problems(tenant, parsed.definition());
            if (!problems.isEmpty()) {
                return ApiErrors.invalid(HttpStatus.UNPROCESSABLE_ENTITY, JourneyActivationCheck.ERROR, problems);
            }
        }
        JourneyHead head;
        try {
            // The store checks the revision again in the write, so a change since the read above loses.
            head = journeys.update(tenant, id, revision.revision(), parsed.definition().name(), parsed.canonical(),
                    clock.instant());
        } catch (JourneyConflict conflict) {
            return JourneyConflicts.of(conflict);
        } catch (NoSuchElementException gone) {
            return notFound();
        }
        return JourneyViews.json(HttpStatus.OK, head, JourneyViews.journey(head, head.latestVersion(), parsed.canonical()));
    }

    private Optional<JourneyHead> find(TenantId tenant, String id) {
        return JourneyIds.isValid(id) ? journeys.head(tenant, id) : Optional.empty();
    }

    static HttpResponse<String> notFound() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "no such journey");
    }
}
