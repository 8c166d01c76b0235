package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.paging.Page;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;

/**
 * The caller's tenant's segments: list, create, read, replace, delete, and previews (count and a
 * sample) of stored or unsaved criteria. Reading needs viewer, editor or admin; writing editor or
 * admin ({@link StaffOnly} on each route). Another tenant's segment is indistinguishable from a missing
 * one (404).
 */
@Controller("/admin/v1/segments")
public class SegmentsController {

    private static final String SEGMENTS = "segments";
    private static final String INVALID = "invalid segment";

    private final SegmentStore segments;
    private final SegmentPreviews previews;
    private final Clock clock;

    public SegmentsController(SegmentStore segments, SegmentPreviews previews, Clock clock) {
        this.segments = segments;
        this.previews = previews;
        this.clock = clock;
    }

    @Get
    @StaffOnly(value = Access.READ, what = SEGMENTS)
    public HttpResponse<String> list(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Page<SegmentDefinition> page = segments.page(staff.tenant(), paging.request());
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(SegmentViews.segments(page.items()), page));
    }

    @Post
    @StaffOnly(value = Access.WRITE, what = SEGMENTS)
    public HttpResponse<String> create(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        SegmentRequest parsed = SegmentRequest.parse(body.json());
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        String id = parsed.id() != null ? parsed.id() : SegmentIds.fromName(parsed.name());
        SegmentDefinition segment = new SegmentDefinition(id, parsed.name(), parsed.criteria(), clock.instant());
        if (!segments.create(staff.tenant(), segment)) {
            return ApiErrors.of(HttpStatus.CONFLICT, "a segment with id " + id + " already exists");
        }
        return SegmentViews.json(HttpStatus.CREATED, SegmentViews.segment(segment))
                .header("Location", "/admin/v1/segments/" + id);
    }

    @Get("/{id}")
    @StaffOnly(value = Access.READ, what = SEGMENTS)
    public HttpResponse<String> get(@PathVariable String id, StaffIdentity staff) {
        return find(staff.tenant(), id)
                .map(segment -> (HttpResponse<String>) SegmentViews.json(HttpStatus.OK, SegmentViews.segment(segment)))
                .orElseGet(() -> notFound());
    }

    @Put("/{id}")
    @StaffOnly(value = Access.WRITE, what = SEGMENTS)
    public HttpResponse<String> replace(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (!SegmentIds.isValid(id)) {
            return notFound();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        SegmentRequest parsed = SegmentRequest.parse(body.json());
        if (parsed.id() != null && !parsed.id().equals(id)) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID,
                    List.of(new Problem("id", "must be left out or equal the id in the path")));
        }
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        SegmentDefinition segment = new SegmentDefinition(id, parsed.name(), parsed.criteria(), clock.instant());
        if (!segments.replace(staff.tenant(), segment)) {
            return notFound();
        }
        return SegmentViews.json(HttpStatus.OK, SegmentViews.segment(segment));
    }

    @Delete("/{id}")
    @StaffOnly(value = Access.WRITE, what = SEGMENTS)
    public HttpResponse<String> delete(@PathVariable String id, StaffIdentity staff) {
        if (!SegmentIds.isValid(id) || !segments.delete(staff.tenant(), id)) {
            return notFound();
        }
        return HttpResponse.noContent();
    }

    @Get("/{id}/preview")
    @StaffOnly(value = Access.READ, what = SEGMENTS)
    public HttpResponse<String> previewStored(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        Optional<SegmentDefinition> segment = find(tenant, id);
        if (segment.isEmpty()) {
            return notFound();
        }
        SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(segment.get().criteria());
        if (!parsed.ok()) {
            // Stored criteria were valid when saved; the field registry may have changed since.
            return ApiErrors.invalid(HttpStatus.CONFLICT, "stored segment no longer valid", parsed.problems().stream()
                    .map(p -> new Problem(p.field().isEmpty() ? "criteria" : "criteria." + p.field(), p.reason()))
                    .toList());
        }
        return SegmentViews.json(HttpStatus.OK, SegmentViews.preview(
                previews.preview(tenant, parsed.criterion(), SegmentPreviews.SAMPLE_SIZE)));
    }

    // Reading: a preview stores nothing, so a viewer may try criteria out.
    @Post("/preview")
    @StaffOnly(value = Access.READ, what = SEGMENTS)
    public HttpResponse<String> previewUnsaved(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        SegmentRequest parsed = SegmentRequest.parseCriteriaOnly(body.json());
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        return SegmentViews.json(HttpStatus.OK, SegmentViews.preview(
                previews.preview(staff.tenant(), parsed.criterion(), SegmentPreviews.SAMPLE_SIZE)));
    }

    private Optional<SegmentDefinition> find(TenantId tenant, String id) {
        return SegmentIds.isValid(id) ? segments.find(tenant, id) : Optional.empty();
    }

    private static HttpResponse<String> notFound() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "no such segment");
    }
}
