package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.library.JourneyLibrary;
import no.dialog.core.library.LibraryInstantiation;
import no.dialog.core.library.LibraryJourney;
import no.dialog.core.library.TenantSender;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.settings.StoredSettings;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * The library of proven journeys (docs/library.md): {@code GET /admin/v1/library} lists them (viewer, editor or
 * admin); {@code POST /admin/v1/library/{id}/instantiate} makes the caller's organisation its own copy (editor or
 * admin): the segment, the templates in the chosen language signed with its sender, and a DRAFT journey, with the
 * cost per person from its price list. The body is optional: {@code {"id": "welcome-2027", "language": "en", "experiment": true}} (with
 * {@code experiment}, the copy runs the suggested experiment, holdout included)
 * (default: the library id, {@code nb}). A copy whose ids are taken is refused (409, naming them) and nothing is
 * made: a second copy needs its own id.
 */
@Controller("/admin/v1/library")
public class LibraryController {

    private static final String LIBRARY = "the journey library";
    private static final String JOURNEYS = "journeys";
    private static final Set<String> KEYS = Set.of("id", "language", "experiment");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JourneyLibrary library;
    private final LibraryInstantiation instantiation;
    private final TenantDirectory tenants;
    private final SegmentStore segments;
    private final TemplateStore templates;
    private final JourneyStore journeys;
    private final Clock clock;

    public LibraryController(JourneyLibrary library, LibraryInstantiation instantiation, TenantDirectory tenants,
                             SegmentStore segments, TemplateStore templates, JourneyStore journeys, Clock clock) {
        this.library = library;
        this.instantiation = instantiation;
        this.tenants = tenants;
        this.segments = segments;
        this.templates = templates;
        this.journeys = journeys;
        this.clock = clock;
    }

    @Get
    @StaffOnly(value = Access.READ, what = LIBRARY)
    public HttpResponse<String> list(StaffIdentity staff) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (LibraryJourney journey : library.journeys()) {
            ObjectNode item = items.addObject().put("id", journey.id()).put("stage", journey.stage());
            item.set("name", journey.name().toJson());
            item.set("description", journey.description().toJson());
            item.set("goal", journey.goal().toJson());
            item.set("goalSignal", JourneyDefinitions.toJson(journey.definition()).get("goal"));
            ArrayNode channels = item.putArray("channels");
            journey.channels().forEach(c -> channels.add(c.jsonName()));
            item.set("segment", MAPPER.createObjectNode().<ObjectNode>set("name", journey.segmentName().toJson())
                    .set("criteria", journey.criteria()));
            item.set("suggestedExperiment", journey.suggestedExperiment().toJson());
        }
        return SegmentViews.json(HttpStatus.OK, body);
    }

    @Post("/{id}/instantiate")
    @StaffOnly(value = Access.WRITE, what = JOURNEYS)
    public HttpResponse<String> instantiate(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Optional<LibraryJourney> journey = library.find(id);
        if (journey.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no journey with this id in the library (GET /admin/v1/library"
                    + " lists them)");
        }
        String instanceId = null;
        String language = null;
        boolean experiment = false;
        if (request.getBody() != null && !request.getBody().isBlank()) {
            JsonBodies.Outcome body = JsonBodies.read(request);
            if (body.refused()) {
                return body.refusal();
            }
            JsonNode json = body.json();
            List<Problem> problems = new ArrayList<>();
            if (!json.isObject()) {
                return ApiErrors.invalid(HttpStatus.BAD_REQUEST, "invalid request",
                        List.of(new Problem("", "must be a JSON object")));
            }
            json.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(key, "unknown key"));
                }
            });
            instanceId = text(json, "id", problems);
            language = text(json, "language", problems);
            JsonNode withExperiment = json.get("experiment");
            if (withExperiment != null && !withExperiment.isNull() && !withExperiment.isBoolean()) {
                problems.add(new Problem("experiment", "must be true or false"));
            }
            experiment = withExperiment != null && withExperiment.asBoolean(false);
            if (!problems.isEmpty()) {
                return ApiErrors.invalid(HttpStatus.BAD_REQUEST, "invalid request", problems);
            }
        }
        TenantId tenant = staff.tenant();
        Optional<Tenant> found = tenants.find(tenant);
        if (found.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no such organisation");
        }
        Map<SendChannel, Long> prices = TenantSettings.of(new StoredSettings(found.get().settings(), Map.of(), 0))
                .prices();
        LibraryInstantiation.Outcome outcome = instantiation.instantiate(journey.get(),
                new LibraryInstantiation.Request(instanceId, language, experiment), TenantSender.of(found.get()), prices,
                OsloTime.today(clock));
        if (!outcome.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, "invalid request", outcome.problems());
        }
        LibraryInstantiation.Instance copy = outcome.instance();
        List<String> taken = taken(tenant, copy);
        if (!taken.isEmpty()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "this copy's ids are taken (" + String.join(", ", taken)
                    + "); give the copy another id: {\"id\": \"" + id + "-2\"}");
        }
        return create(tenant, id, copy);
    }

    private HttpResponse<String> create(TenantId tenant, String libraryId, LibraryInstantiation.Instance copy) {
        SegmentDefinition segment = new SegmentDefinition(copy.segmentId(), copy.segmentName(), copy.criteria(),
                clock.instant());
        if (!segments.create(tenant, segment)) {
            return ApiErrors.of(HttpStatus.CONFLICT, "a segment with id " + copy.segmentId() + " already exists");
        }
        copy.templates().forEach(t -> templates.save(tenant, t));
        try {
            journeys.create(tenant, copy.journeyId(), copy.definition().name(), copy.journey(), clock.instant());
        } catch (JourneyConflict conflict) {
            // Made by someone else since the check above: take back what this call made, so nothing half is left.
            copy.templates().forEach(t -> templates.delete(tenant, t.id()));
            segments.delete(tenant, copy.segmentId());
            return JourneyConflicts.of(conflict);
        }
        ObjectNode body = MAPPER.createObjectNode().put("libraryId", libraryId).put("journeyId", copy.journeyId())
                .put("status", "DRAFT").put("segmentId", copy.segmentId()).put("language", copy.language());
        ArrayNode ids = body.putArray("templateIds");
        copy.templates().stream().map(MessageTemplate::id).sorted().forEach(ids::add);
        body.putObject("sender").put("name", copy.sender().name())
                .put("smsSender", copy.sender().smsSender()).put("emailFrom", copy.sender().emailFrom())
                .put("emailFromName", copy.sender().emailFromName());
        body.set("costPerPerson", copy.cost().toJson());
        body.set("suggestedExperiment", copy.suggestedExperiment().toJson());
        ArrayNode warnings = body.putArray("warnings");
        copy.warnings().forEach(warnings::add);
        return SegmentViews.json(HttpStatus.CREATED, body).header("Location", "/admin/v1/journeys/" + copy.journeyId());
    }

    /** The copy's ids that the organisation already uses. */
    private List<String> taken(TenantId tenant, LibraryInstantiation.Instance copy) {
        List<String> taken = new ArrayList<>();
        if (journeys.head(tenant, copy.journeyId()).isPresent()) {
            taken.add("journey " + copy.journeyId());
        }
        if (segments.find(tenant, copy.segmentId()).isPresent()) {
            taken.add("segment " + copy.segmentId());
        }
        for (MessageTemplate template : copy.templates()) {
            if (templates.find(tenant, template.id()).isPresent()) {
                taken.add("template " + template.id());
            }
        }
        return taken;
    }

    private static String text(JsonNode json, String key, List<Problem> problems) {
        JsonNode node = json.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(key, "must be text"));
            return null;
        }
        return node.asText();
    }
}
