package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Optional;

/**
 * The role rule of the admin API in one place: reading needs viewer, editor or admin; writing needs
 * editor or admin; administering (provider credentials) needs admin. Either the caller comes back, or the answer to send instead (401 or 403).
 */
final class StaffAccess {

    private static final String[] READERS = {"viewer", "editor", "admin"};
    private static final String[] WRITERS = {"editor", "admin"};
    private static final String[] ADMINS = {"admin"};

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
}
