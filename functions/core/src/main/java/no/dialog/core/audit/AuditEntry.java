package no.dialog.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;

/**
 * One staff action as the audit log keeps it: who (the token's subject, the organisation, the roles the token
 * held and the access the route needs), when, what (the method and the route's template, never the concrete
 * path, and the id of the object acted on), the object's revision before and after where the route has
 * revisions, and how it ended (the HTTP status).
 *
 * <p>Nothing else: no request or response body, no query string, no names. The only personal data is the staff
 * member's subject id; object ids are Dialog's or the register's ids (a contact id names a person only together
 * with the register).
 *
 * <pre>{@code
 * new AuditEntry(Instant.now(), TenantId.of("redcross"), "c0ffee-sub", List.of("editor"), "write",
 *         "PUT", "/admin/v1/journeys/{id}", "julegave", 3L, 4L, 200, "req-1");
 * }</pre>
 *
 * @param tenant         the organisation acted in; null for what happens outside one (the platform's routes
 *                       before an organisation exists, a token without a valid tenant claim)
 * @param subject        the token's {@code sub} claim; empty when the request carried none
 * @param roles          the roles the token held
 * @param access         what the route needs: {@code read}, {@code write}, {@code administer} or {@code platform};
 *                       null when the route names none
 * @param route          the route's template, {@code /admin/v1/journeys/{id}}; {@link #NO_ROUTE} when no route
 *                       matched
 * @param objectId       the id in the path (or of what a create made); null when there is none
 * @param revisionBefore the revision the request named ({@code If-Match}); null when it named none
 * @param revisionAfter  the revision the answer gave ({@code ETag}); null when it gave none
 * @param status         the HTTP status answered
 * @param requestId      API Gateway's request id, which the function's log lines carry too; null when unknown
 */
public record AuditEntry(Instant at, TenantId tenant, String subject, List<String> roles, String access,
                         String method, String route, String objectId, Long revisionBefore, Long revisionAfter,
                         int status, String requestId) {

    /** The route of a request no route matched (its path is not kept: it may hold anything). */
    public static final String NO_ROUTE = "(no route)";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ACCESSES = Set.of("read", "write", "administer", "platform");
    /** Ids and claims are short tokens without spaces or control characters. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{Graph}]{1,200}");
    private static final Pattern ROUTE = Pattern.compile("/[A-Za-z0-9/{}_.-]{0,199}");

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        subject = subject == null ? "" : subject;
        if (!subject.isEmpty() && !TOKEN.matcher(subject).matches()) {
            throw new IllegalArgumentException("subject is not a token id");
        }
        roles = List.copyOf(roles == null ? List.of() : roles);
        if (access != null && !ACCESSES.contains(access)) {
            throw new IllegalArgumentException("access is one of " + ACCESSES);
        }
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method is one of " + METHODS);
        }
        Objects.requireNonNull(route, "route");
        if (!route.equals(NO_ROUTE) && !ROUTE.matcher(route).matches()) {
            throw new IllegalArgumentException("route is a path template");
        }
        if (objectId != null && !TOKEN.matcher(objectId).matches()) {
            throw new IllegalArgumentException("objectId is an id of at most 200 visible characters");
        }
        if (requestId != null && !TOKEN.matcher(requestId).matches()) {
            throw new IllegalArgumentException("requestId is an id of at most 200 visible characters");
        }
        AuditOutcome.of(status);
    }

    /** Done, refused or failed, by the status. */
    public AuditOutcome outcome() {
        return AuditOutcome.of(status);
    }

    /** {@code PUT /admin/v1/journeys/{id}}: what the filters and a reader name a kind of action by. */
    public String action() {
        return method + " " + route;
    }
}
