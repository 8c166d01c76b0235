package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.stream.Collectors;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.paging.Page;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateDefinitions;
import no.dialog.core.template.TemplatePreview;
import no.dialog.core.template.TemplateRenderingException;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * The caller's tenant's message templates: list, create, read, replace, delete, and previews of a
 * stored or an unsaved template for a made-up person with the placeholder link, so the text and the
 * SMS part count are those of a real send. The body is core's template JSON ({@link TemplateDefinitions}).
 * Reading and previewing need viewer, editor or admin; writing editor or admin. Another tenant's
 * template is indistinguishable from a missing one (404).
 */
@Controller("/admin/v1/templates")
public class TemplatesController {

    private static final String TEMPLATES = "templates";
    private static final String INVALID = "invalid template";
    /** The id an unsaved template is previewed under when the body names none. */
    private static final String PREVIEW_ID = "preview";
    private static final int JOURNEY_NAME_MAX = 200;

    private final TemplateStore templates;
    private final TemplatePreview previews;
    private final TemplateUsage usage;
    private final TenantDirectory tenants;
    private final Clock clock;

    public TemplatesController(TemplateStore templates, TemplatePreview previews, TemplateUsage usage,
                               TenantDirectory tenants, Clock clock) {
        this.templates = templates;
        this.previews = previews;
        this.usage = usage;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Get
    @StaffOnly(value = Access.READ, what = TEMPLATES)
    public HttpResponse<String> list(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Page<MessageTemplate> page = templates.page(staff.tenant(), paging.request());
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(TemplateViews.templates(page.items()), page));
    }

    @Post
    @StaffOnly(value = Access.WRITE, what = TEMPLATES)
    public HttpResponse<String> create(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(body.json());
        if (!parsed.ok()) {
            return invalid(parsed.problems());
        }
        MessageTemplate template = parsed.template();
        TenantId tenant = staff.tenant();
        // The store only puts; two creates of one id at the same moment would both succeed, the later winning.
        if (templates.find(tenant, template.id()).isPresent()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "a template with id " + template.id() + " already exists");
        }
        templates.save(tenant, template);
        return SegmentViews.json(HttpStatus.CREATED, TemplateDefinitions.toJson(template))
                .header("Location", "/admin/v1/templates/" + template.id());
    }

    @Get("/{id}")
    @StaffOnly(value = Access.READ, what = TEMPLATES)
    public HttpResponse<String> get(@PathVariable String id, StaffIdentity staff) {
        return find(staff.tenant(), id)
                .map(t -> (HttpResponse<String>) SegmentViews.json(HttpStatus.OK, TemplateDefinitions.toJson(t)))
                .orElseGet(TemplatesController::notFound);
    }

    /**
     * Replaces an existing template. A template that running journeys send on a channel keeps that
     * channel (409 otherwise); its text may change, and their next sends use the new text.
     */
    @Put("/{id}")
    @StaffOnly(value = Access.WRITE, what = TEMPLATES)
    public HttpResponse<String> replace(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (!TemplateIds.isValid(id)) {
            return notFound();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        JsonNode json = body.json();
        if (json.isObject()) {
            JsonNode given = json.get("id");
            if (given != null && !given.isNull() && !id.equals(given.asText())) {
                return invalid(List.of(new Problem("id", "must be left out or equal the id in the path")));
            }
            json = ((ObjectNode) json.deepCopy()).put("id", id);
        }
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(json);
        if (!parsed.ok()) {
            return invalid(parsed.problems());
        }
        TenantId tenant = staff.tenant();
        Optional<MessageTemplate> stored = templates.find(tenant, id);
        if (stored.isEmpty()) {
            return notFound();
        }
        SendChannel channel = parsed.template().channel();
        List<TemplateUsage.Use> broken = usage.uses(tenant, id).stream().filter(u -> u.channel() != channel).toList();
        if (!broken.isEmpty()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "template " + id + " is sent by running journeys on another"
                    + " channel (" + describe(broken) + "); its channel cannot change until they end");
        }
        templates.save(tenant, parsed.template());
        return SegmentViews.json(HttpStatus.OK, TemplateDefinitions.toJson(parsed.template()));
    }

    @Delete("/{id}")
    @StaffOnly(value = Access.WRITE, what = TEMPLATES)
    public HttpResponse<String> delete(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        if (find(tenant, id).isEmpty()) {
            return notFound();
        }
        List<TemplateUsage.Use> uses = usage.uses(tenant, id);
        if (!uses.isEmpty()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "template " + id + " is sent by running journeys ("
                    + describe(uses) + "); it cannot be deleted until they end");
        }
        if (!templates.delete(tenant, id)) {
            return notFound();
        }
        return HttpResponse.noContent();
    }

    /** A stored template as a made-up person would get it; {@code ?journeyName=} fills {@code journeyName}. */
    @Get("/{id}/preview")
    @StaffOnly(value = Access.READ, what = TEMPLATES)
    public HttpResponse<String> previewStored(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Optional<MessageTemplate> template = find(staff.tenant(), id);
        if (template.isEmpty()) {
            return notFound();
        }
        return preview(staff.tenant(), template.get(), request);
    }

    /** An unsaved template (the body, with or without an id) as a made-up person would get it. Stores nothing. */
    // Reading: a preview stores nothing, so a viewer may try a text out.
    @Post("/preview")
    @StaffOnly(value = Access.READ, what = TEMPLATES)
    public HttpResponse<String> previewUnsaved(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        JsonNode json = body.json();
        if (json.isObject() && (json.get("id") == null || json.get("id").isNull())) {
            json = ((ObjectNode) json.deepCopy()).put("id", PREVIEW_ID);
        }
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(json);
        if (!parsed.ok()) {
            return invalid(parsed.problems());
        }
        return preview(staff.tenant(), parsed.template(), request);
    }

    private HttpResponse<String> preview(TenantId tenant, MessageTemplate template, APIGatewayV2HTTPEvent request) {
        String journeyName = QueryParameters.get(request, "journeyName");
        if (journeyName != null && journeyName.length() > JOURNEY_NAME_MAX) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "journeyName must be at most " + JOURNEY_NAME_MAX + " characters");
        }
        String organisation = tenants.find(tenant).map(Tenant::name).orElse(tenant.value());
        try {
            RenderedMessage shown = previews.sample(template, organisation, journeyName, OsloTime.today(clock));
            return SegmentViews.json(HttpStatus.OK, TemplateViews.preview(template, shown));
        } catch (TemplateRenderingException e) {
            // A checked template rendering for the made-up person should not fail; the reason holds no data.
            return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    private Optional<MessageTemplate> find(TenantId tenant, String id) {
        return TemplateIds.isValid(id) ? templates.find(tenant, id) : Optional.empty();
    }

    private static String describe(List<TemplateUsage.Use> uses) {
        return uses.stream().map(u -> u.journeyId() + " on " + u.channel().jsonName())
                .collect(Collectors.joining(", "));
    }

    private static HttpResponse<String> invalid(List<Problem> problems) {
        return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, problems);
    }

    private static HttpResponse<String> notFound() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "no such template");
    }
}
