package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletExchange;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.audit.AuditEntry;
import no.dialog.core.audit.AuditLog;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what staff do (docs/adr/0027-audit.md): after the answer is made, every write (POST, PUT, PATCH, DELETE
 * under {@code /admin} and {@code /platform}, refused ones included) and every read that hands out personal data
 * ({@link #AUDITED_READS}) becomes one {@link AuditEntry}: the caller's claims, the route's template, the object's
 * id, the revision named in {@code If-Match} and the one answered in {@code ETag}, and the status.
 *
 * <p>It runs first among the filters ({@link #ORDER}), so it sees the answer of every later one too: a 401 or 403
 * of {@link StaffRoleFilter} is recorded like any other. When the entry cannot be written, the caller gets a 503
 * instead of the answer: a write is never reported as done without its record, and an audited read hands nothing
 * out unrecorded.
 */
@ServerFilter(patterns = {"/admin/**", "/platform/**"})
@Order(AuditFilter.ORDER)
public class AuditFilter {

    /** Before {@link StaffRoleFilter} (order 0): response filters run in reverse, so this one sees the last word. */
    static final int ORDER = -1000;

    /** Reads audited like writes: a person's whole export, and the journey files with their download links. */
    static final Set<String> AUDITED_READS = Set.of(
            "/admin/v1/contacts/{id}/export",
            "/admin/v1/journeys/{id}/files");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern ID = Pattern.compile("[\\p{Graph}]{1,200}");
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog log;
    private final Clock clock;

    public AuditFilter(@Nullable AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @ResponseFilter
    @Nullable
    public HttpResponse<?> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String method = request.getMethodName().toUpperCase(Locale.ROOT);
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        String route = match.filter(UriRouteMatch.class::isInstance)
                .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toString())
                .orElse(AuditEntry.NO_ROUTE);
        if (!WRITES.contains(method) && !AUDITED_READS.contains(route)) {
            return null;
        }
        APIGatewayV2HTTPEvent event = event(request);
        Map<String, String> claims = claims(event);
        boolean platform = request.getPath().startsWith("/platform/");
        AuditEntry entry;
        try {
            entry = new AuditEntry(clock.instant(), tenant(platform, claims, response), subject(claims),
                    StaffIdentity.parseList(claims.get("roles")), access(platform, match), method, route,
                    objectId(match, response), Revisions.parse(request.getHeaders().get(Revisions.IF_MATCH)),
                    Revisions.parse(response.getHeaders().get(Revisions.ETAG)), response.getStatus().getCode(),
                    requestId(event));
        } catch (IllegalArgumentException unfit) {
            // A claim that is no id (a subject with spaces): the request is not one Dialog can vouch for.
            LOG.error("audit entry not made for {} {} -> {}: {}", method, route, response.getStatus().getCode(),
                    unfit.getMessage());
            return unrecorded();
        }
        if (log == null) {
            LOG.error("audit log not configured (AUDIT_TABLE): {} {} refused", method, route);
            return unrecorded();
        }
        try {
            log.append(entry);
            return null;
        } catch (RuntimeException e) {
            LOG.error("audit entry not written for {} {} -> {} (request {}): {}", method, route, entry.status(),
                    entry.requestId(), e.toString());
            return unrecorded();
        }
    }

    private static HttpResponse<String> unrecorded() {
        return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "the request could not be recorded in the audit log, so"
                + " its answer is withheld; a change it made stays: read the object again before retrying");
    }

    /**
     * The organisation acted in: the token's for the admin routes; for the platform's, the organisation a create
     * made (its {@code Location}), so its admins see how it began. Otherwise none: the platform's own log.
     */
    private static TenantId tenant(boolean platform, Map<String, String> claims, MutableHttpResponse<?> response) {
        String value = platform ? lastSegment(response.getHeaders().get("Location")) : claims.get("tenant");
        return TenantId.isValid(value) ? TenantId.of(value) : null;
    }

    /** The token's subject; a verified token's is an id (Cognito: a UUID), anything else is not kept. */
    private static String subject(Map<String, String> claims) {
        String sub = claims.get("sub");
        return sub != null && ID.matcher(sub).matches() ? sub : "";
    }

    private static String access(boolean platform, Optional<RouteMatch<?>> match) {
        if (platform) {
            return "platform";
        }
        AnnotationValue<StaffOnly> rule = match.map(m -> m.getAnnotationMetadata().getAnnotation(StaffOnly.class))
                .orElse(null);
        return rule == null ? null : rule.enumValue("value", StaffOnly.Access.class)
                .map(a -> a.name().toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** The path's id (the last variable when there are several), else the id of what a create made. */
    private static String objectId(Optional<RouteMatch<?>> match, MutableHttpResponse<?> response) {
        Map<String, Object> variables = match.map(RouteMatch::getVariableValues).orElse(Map.of());
        String id = null;
        if (!variables.isEmpty()) {
            List<Object> values = List.copyOf(variables.values());
            id = String.valueOf(values.getLast());
        } else if (response.getStatus() == HttpStatus.CREATED) {
            id = lastSegment(response.getHeaders().get("Location"));
        }
        return id != null && ID.matcher(id).matches() ? id : null;
    }

    private static String lastSegment(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String path = location.strip();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        String id = event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return id != null && ID.matcher(id).matches() ? id : null;
    }

    private static APIGatewayV2HTTPEvent event(HttpRequest<?> request) {
        if (request instanceof ServletExchange<?, ?> exchange
                && exchange.getRequest().getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event;
        }
        return null;
    }

    /** The verified claims (none without an authorizer: then the entry names no one). */
    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }
}
