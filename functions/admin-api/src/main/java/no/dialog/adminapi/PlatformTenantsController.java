package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Instant;
import no.dialog.core.settings.NewOrganisation;
import no.dialog.core.staff.StaffClaims;
import no.dialog.core.staff.StaffDirectory;
import no.dialog.core.staff.StaffRole;
import no.dialog.core.tenant.TenantDirectory;

/**
 * {@code POST /platform/v1/tenants} (platform-admin): sets up an organisation ({@link NewOrganisation}) and
 * invites its first admin. 201 with {@code Location}; 409 when the id is taken (nothing changes, and no one is
 * invited: an admin of an existing organisation is never added this way); 400 with every problem by path.
 *
 * <p>The tenant is created first, then the admin invited, so that a failed invitation leaves an organisation
 * without users (502, the operator retries the invitation in the user pool), never a user in a group of an
 * organisation that does not exist. With an external identity provider ({@code IdentityProvider=external})
 * Dialog has no user pool: the answer says which group to add the admin to there ({@code invited: false}).
 */
@Controller("/platform/v1/tenants")
public class PlatformTenantsController {

    static final String PATH = "/platform/v1/tenants";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TenantDirectory tenants;
    private final StaffDirectory staff;
    private final Clock clock;

    public PlatformTenantsController(TenantDirectory tenants, @Nullable StaffDirectory staff, Clock clock) {
        this.tenants = tenants;
        this.staff = staff;
        this.clock = clock;
    }

    @Post
    public HttpResponse<String> create(APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toRunThePlatform(request, "creating organisations");
        if (access.refused()) {
            return access.refusal();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        NewOrganisation.Parsed parsed = NewOrganisation.parse(body.json());
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, "invalid organisation", parsed.problems());
        }
        NewOrganisation organisation = parsed.organisation();
        Instant now = clock.instant();
        if (!tenants.createIfAbsent(organisation.tenant(now))) {
            return ApiErrors.of(HttpStatus.CONFLICT, "an organisation with id " + organisation.id() + " exists");
        }
        String group = StaffClaims.group(organisation.id(), StaffRole.ADMIN);
        ObjectNode view = MAPPER.createObjectNode()
                .put("id", organisation.id().value())
                .put("name", organisation.name())
                .put("language", organisation.language())
                .put("createdAt", now.toString());
        ObjectNode admin = view.putObject("admin").put("email", organisation.adminEmail()).put("group", group);
        if (staff == null) {
            admin.put("invited", false).put("newUser", false);
        } else {
            try {
                boolean created = staff.invite(organisation.id(), organisation.adminEmail(), StaffRole.ADMIN);
                admin.put("invited", true).put("newUser", created);
            } catch (StaffDirectory.StaffDirectoryUnavailable e) {
                return ApiErrors.of(HttpStatus.BAD_GATEWAY, "organisation " + organisation.id() + " was created, but"
                        + " its first admin could not be invited (" + e.getMessage() + "): add the user to group "
                        + group + " in the staff user pool");
            }
        }
        return SegmentViews.json(HttpStatus.CREATED, view).header("Location", PATH + "/" + organisation.id().value());
    }
}
