package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.audit.AuditEntry;
import no.dialog.core.audit.AuditLog;
import no.dialog.core.audit.AuditQuery;
import no.dialog.core.audit.AuditRecord;
import no.dialog.core.paging.Page;

/**
 * {@code GET /admin/v1/audit} (admin): the caller's organisation's audit log ({@link AuditFilter} writes it),
 * newest first, a page at a time, narrowed by {@code from} and {@code to} (ISO-8601 instants, from inclusive, to
 * exclusive), {@code subject}, {@code route} (a route template) and {@code objectId}. Only the token's tenant is
 * read: another organisation's entries and the platform's are never listed.
 */
@Controller("/admin/v1/audit")
public class AuditController {

    static final String AUDIT = "the audit log";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_FILTER_CHARS = 200;

    private final AuditLog log;

    public AuditController(@Nullable AuditLog log) {
        this.log = log;
    }

    @Get
    @StaffOnly(value = Access.ADMINISTER, what = AUDIT)
    public HttpResponse<String> list(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Instant from;
        Instant to;
        try {
            from = instant(request, "from");
            to = instant(request, "to");
        } catch (DateTimeParseException e) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "from and to are ISO-8601 instants such as 2026-11-23T12:00:00Z");
        }
        if (AuditQuery.problem(from, to).isPresent()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, AuditQuery.problem(from, to).get());
        }
        String subject = QueryParameters.get(request, "subject");
        String route = QueryParameters.get(request, "route");
        String objectId = QueryParameters.get(request, "objectId");
        if (tooLong(subject) || tooLong(route) || tooLong(objectId)) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "subject, route and objectId are at most "
                    + MAX_FILTER_CHARS + " characters");
        }
        if (log == null) {
            return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "the audit log is not configured (AUDIT_TABLE)");
        }
        Page<AuditRecord> page;
        try {
            page = log.list(staff.tenant(), new AuditQuery(from, to, subject, route, objectId), paging.request());
        } catch (IllegalArgumentException notOurs) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, Paging.NOT_OURS);
        }
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode entries = body.putArray("entries");
        page.items().forEach(record -> entries.add(view(record)));
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(body, page));
    }

    private static ObjectNode view(AuditRecord record) {
        AuditEntry entry = record.entry();
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", record.id())
                .put("at", entry.at().toString())
                .put("subject", entry.subject());
        ArrayNode roles = node.putArray("roles");
        entry.roles().forEach(roles::add);
        node.put("access", entry.access())
                .put("method", entry.method())
                .put("route", entry.route())
                .put("objectId", entry.objectId())
                .put("revisionBefore", entry.revisionBefore())
                .put("revisionAfter", entry.revisionAfter())
                .put("status", entry.status())
                .put("outcome", entry.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .put("requestId", entry.requestId());
        return node;
    }

    private static Instant instant(APIGatewayV2HTTPEvent request, String name) {
        String value = QueryParameters.get(request, name);
        return value == null ? null : Instant.parse(value);
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_FILTER_CHARS;
    }
}
