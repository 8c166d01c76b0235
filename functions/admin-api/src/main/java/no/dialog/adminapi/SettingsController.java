package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.settings.StoredSettings;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.tenant.TenantId;

/**
 * {@code GET|PUT /admin/v1/settings}: the caller's organisation's settings ({@link TenantSettings}: sender name,
 * quiet hours, frequency caps, branding, link validity, giro account, prices, register integration). Reading
 * needs viewer, editor or admin; changing needs admin, an {@code If-Match} with the revision read (428 without,
 * 412 when another change came first) and a valid document (400 with every problem by path). PUT replaces the
 * whole document: a field left out goes back to its default. The answer carries the revision as {@code ETag}.
 */
@Controller("/admin/v1/settings")
public class SettingsController {

    static final String SETTINGS = "settings";
    static final String INVALID = "invalid settings";

    private final TenantSettingsStore store;

    public SettingsController(TenantSettingsStore store) {
        this.store = store;
    }

    @Get
    @StaffOnly(value = Access.READ, what = SETTINGS)
    public HttpResponse<String> read(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Optional<StoredSettings> stored = store.read(staff.tenant());
        if (stored.isEmpty()) {
            return unknownTenant();
        }
        return view(HttpStatus.OK, stored.get().revision(), TenantSettings.of(stored.get()));
    }

    @Put
    @StaffOnly(value = Access.ADMINISTER, what = SETTINGS)
    public HttpResponse<String> replace(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Revisions.Outcome asked = Revisions.required(request, "the settings'");
        if (asked.refused()) {
            return asked.refusal();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        TenantSettings.Parsed parsed = TenantSettings.parse(body.json());
        if (!parsed.ok()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, INVALID, parsed.problems());
        }
        TenantId tenant = staff.tenant();
        Optional<StoredSettings> current = store.read(tenant);
        if (current.isEmpty()) {
            return unknownTenant();
        }
        if (current.get().revision() != asked.revision()) {
            return stale(asked.revision());
        }
        long revision;
        try {
            revision = store.replace(tenant, asked.revision(), parsed.settings().replacing(current.get()));
        } catch (TenantSettingsStore.StaleRevision e) {
            return stale(asked.revision());
        }
        return view(HttpStatus.OK, revision, parsed.settings());
    }

    private static HttpResponse<String> view(HttpStatus status, long revision, TenantSettings settings) {
        return SegmentViews.json(status, settings.toJson(revision)).header(Revisions.ETAG, Revisions.etag(revision));
    }

    private static HttpResponse<String> stale(long asked) {
        return ApiErrors.of(HttpStatus.PRECONDITION_FAILED, "the settings changed since revision " + asked
                + " was read: read them again (GET /admin/v1/settings) and apply the change to the new revision");
    }

    // A verified token for an organisation Dialog does not have (deleted, or a group made by hand).
    private static HttpResponse<String> unknownTenant() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "the organisation in the token is not set up in Dialog");
    }
}
