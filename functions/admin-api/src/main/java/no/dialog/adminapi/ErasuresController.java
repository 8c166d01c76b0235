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
import io.micronaut.http.annotation.Post;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureIds;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureRequests;

/**
 * Erasing a person (GDPR art. 17, docs/adr/0026-erasure.md), admin role only:
 * {@code POST /admin/v1/contacts/{id}/erase} records an erasure and hands it to the erase function (202, with the
 * erasure and its {@code Location}); {@code GET /admin/v1/erasures/{erasureId}} shows its state and, per store
 * done, how many items were erased: counts, never content. Another tenant's erasure is a 404 like a missing one.
 * Without the erasures table and queue ({@code ERASURES_TABLE}, {@code ERASURES_QUEUE_URL}) both answer 503.
 */
@Controller("/admin/v1")
public class ErasuresController {

    static final String ERASURES = "erasures";

    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Optional<ErasureRequests> requests;
    private final Optional<ErasureLog> log;

    public ErasuresController(Optional<ErasureRequests> requests, Optional<ErasureLog> log) {
        this.requests = requests;
        this.log = log;
    }

    @Post("/contacts/{id}/erase")
    @StaffOnly(value = Access.ADMINISTER, what = ERASURES)
    public HttpResponse<String> erase(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (requests.isEmpty()) {
            return notConfigured();
        }
        if (!CONTACT_ID.matcher(id).matches()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "a contact id is 1-64 letters, digits or . _ : -");
        }
        // A staff subject is never the register's marker, so the record's source says who asked.
        String requestedBy = staff.subject().isBlank() || Erasure.REGISTER.equals(staff.subject())
                ? "staff" : staff.subject();
        Erasure erasure = requests.get().request(staff.tenant(), ErasureIds.newId(), id, requestedBy);
        return SegmentViews.json(HttpStatus.ACCEPTED, view(erasure))
                .header("Location", "/admin/v1/erasures/" + erasure.erasureId());
    }

    @Get("/erasures/{erasureId}")
    @StaffOnly(value = Access.ADMINISTER, what = ERASURES)
    public HttpResponse<String> get(@PathVariable String erasureId, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (log.isEmpty()) {
            return notConfigured();
        }
        if (!ErasureIds.isValid(erasureId)) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "an erasure id is 1-64 letters, digits or -");
        }
        return log.get().find(staff.tenant(), erasureId)
                .map(erasure -> (HttpResponse<String>) SegmentViews.json(HttpStatus.OK, view(erasure)))
                .orElseGet(() -> ApiErrors.of(HttpStatus.NOT_FOUND, "no such erasure"));
    }

    private static ObjectNode view(Erasure erasure) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("erasureId", erasure.erasureId())
                .put("contactId", erasure.contactId())
                .put("state", erasure.state().name().toLowerCase(Locale.ROOT))
                .put("source", erasure.source().name().toLowerCase(Locale.ROOT))
                .put("requestedBy", erasure.requestedBy())
                .put("requestedAt", erasure.requestedAt().toString());
        ArrayNode erased = body.putArray("erased");
        for (Map.Entry<String, Long> store : erasure.erased().entrySet()) {
            erased.addObject().put("store", store.getKey()).put("count", store.getValue());
        }
        if (erasure.finishedAt() == null) {
            body.putNull("finishedAt");
        } else {
            body.put("finishedAt", erasure.finishedAt().toString());
        }
        return body;
    }

    private static HttpResponse<String> notConfigured() {
        return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE,
                "erasures are not set up for this API (no ERASURES_TABLE or ERASURES_QUEUE_URL)");
    }
}
