package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.paging.Page;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.PersonExporter;
import no.dialog.core.privacy.export.PersonTimeline;
import no.dialog.core.privacy.export.TimelineEvent;

/**
 * A person's export and timeline (GDPR art. 15; docs/privacy.md "Export"):
 * <ul>
 *   <li>{@code GET /admin/v1/contacts/{id}/export}, admin only (it shows everything, unmasked): one document with
 *       everything Dialog holds about the person in the caller's tenant ({@link PersonExporter});</li>
 *   <li>{@code GET /admin/v1/contacts/{id}/timeline}, any staff role: the same facts as events, newest first, a
 *       page at a time ({@link Paging}; the cursor is the last event's id), with contact values masked.</li>
 * </ul>
 * An unknown person and another tenant's are both 404; an erased person is their tombstone alone.
 */
@Controller("/admin/v1/contacts")
public class ContactExportController {

    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Optional<PersonExporter> exporter;
    private final PersonExportViews views;

    public ContactExportController(Optional<PersonExporter> exporter, Clock clock) {
        this.exporter = exporter;
        this.views = new PersonExportViews(clock);
    }

    @Get("/{id}/export")
    @StaffOnly(value = Access.ADMINISTER, what = "a person's export (reading it)")
    public HttpResponse<String> export(@PathVariable String id, StaffIdentity staff) {
        HttpResponse<String> stop = stop(id);
        if (stop != null) {
            return stop;
        }
        return exporter.get().export(staff.tenant(), id)
                .map(export -> (HttpResponse<String>) SegmentViews.json(HttpStatus.OK, views.export(export)))
                .orElseGet(ContactExportController::notFound);
    }

    @Get("/{id}/timeline")
    @StaffOnly(value = Access.READ, what = "a person's timeline")
    public HttpResponse<String> timeline(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        HttpResponse<String> stop = stop(id);
        if (stop != null) {
            return stop;
        }
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Optional<PersonExport> export = exporter.get().export(staff.tenant(), id);
        if (export.isEmpty()) {
            return notFound();
        }
        List<TimelineEvent> events = PersonTimeline.of(export.get());
        Page<TimelineEvent> page;
        try {
            page = Page.ofOrdered(events, TimelineEvent::id, paging.request());
        } catch (IllegalArgumentException notOurs) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, Paging.NOT_OURS);
        }
        ObjectNode body = MAPPER.createObjectNode().put("contactId", id);
        ArrayNode list = body.putArray("events");
        page.items().forEach(event -> PersonExportViews.event(list.addObject(), event));
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(body, page));
    }

    /** Why a request stops before any read (malformed id, no export set up), or null. */
    private HttpResponse<String> stop(String id) {
        if (!CONTACT_ID.matcher(id).matches()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "a contact id is 1-64 letters, digits or . _ : -");
        }
        if (exporter.isEmpty()) {
            return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "exports are not set up for this API (a table of the person's data is not configured)");
        }
        return null;
    }

    private static HttpResponse<String> notFound() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "no such contact");
    }
}
