package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.staff.StaffRole;

/**
 * The role rule of the admin API in one place (docs/adr/0023-staff-identity-and-tenant-claims.md). Roles are
 * per organisation: the token's {@code tenant} claim names the organisation, its {@code roles} claim what the
 * caller may do there.
 * <ul>
 *   <li>{@link #toRead}: viewer, editor or admin;</li>
 *   <li>{@link #toWrite}: editor or admin (definitions, activating journeys, payment matches, file downloads);</li>
 *   <li>{@link #toAdminister}: admin only (settings, provider credentials, users, erasure);</li>
 *   <li>{@link #toRunThePlatform}: {@code platform-admin}, the operator's role, which needs no tenant claim and
 *       gives no right inside an organisation.</li>
 * </ul>
 * Either the caller comes back, or the answer to send instead (401 or 403).
 */
final class StaffAccess {

    private static final String[] READERS = {StaffRole.VIEWER.claim(), StaffRole.EDITOR.claim(), StaffRole.ADMIN.claim()};
    private static final String[] WRITERS = {StaffRole.EDITOR.claim(), StaffRole.ADMIN.claim()};
    private static final String[] ADMINS = {StaffRole.ADMIN.claim()};

    /** The caller, or the refusal to answer with: exactly one is set. */
    record Outcome(StaffIdentity staff, HttpResponse<String> refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private StaffAccess() {}

    /** @param what what is read, for the 403 reason ("reading segments needs ...") */
    static Outcome toRead(APIGatewayV2HTTPEvent request, String what) {
        return check(request, READERS, "reading " + what + " needs the viewer, editor or admin role");
    }

    /** @param what what is changed, for the 403 reason ("changing segments needs ...") */
    static Outcome toWrite(APIGatewayV2HTTPEvent request, String what) {
        return check(request, WRITERS, "changing " + what + " needs the editor or admin role");
    }

    /**
     * For what only an organisation's admin may do: provider credentials, settings, users.
     *
     * @param what what is administered, for the 403 reason ("changing provider credentials needs the admin role")
     */
    static Outcome toAdminister(APIGatewayV2HTTPEvent request, String what) {
        return check(request, ADMINS, "changing " + what + " needs the admin role");
    }

    /**
     * The platform operator's routes ({@code /platform/v1/...}): the {@code platform-admin} role; a tenant claim
     * is not needed, and is not used. The outcome's staff is null when it is not refused: there is no tenant.
     *
     * @param what what is done, for the 403 reason ("creating organisations needs ...")
     */
    static Outcome toRunThePlatform(APIGatewayV2HTTPEvent request, String what) {
        Map<String, String> claims = claims(request);
        if (claims == null) {
            return new Outcome(null, ApiErrors.of(HttpStatus.UNAUTHORIZED, "a staff token is required"));
        }
        List<String> roles = StaffIdentity.parseList(claims.get("roles"));
        if (!roles.contains(StaffRole.PLATFORM_ADMIN.claim())) {
            return new Outcome(null, ApiErrors.of(HttpStatus.FORBIDDEN, what + " needs the platform-admin role"));
        }
        return new Outcome(null, null);
    }

    private static Outcome check(APIGatewayV2HTTPEvent request, String[] roles, String forbidden) {
        Optional<StaffIdentity> staff = StaffIdentity.from(request);
        if (staff.isEmpty()) {
            return new Outcome(null, ApiErrors.of(HttpStatus.UNAUTHORIZED, "a staff token with a tenant claim is required"));
        }
        if (!staff.get().hasAnyRole(roles)) {
            return new Outcome(null, ApiErrors.of(HttpStatus.FORBIDDEN, forbidden));
        }
        return new Outcome(staff.get(), null);
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null) {
            return null;
        }
        return event.getRequestContext().getAuthorizer().getJwt().getClaims();
    }
}
