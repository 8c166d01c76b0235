package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;

/**
 * {@code GET /admin/v1/contacts/{id}}: one contact of the caller's tenant, in the contact record
 * format. Another tenant's contact is indistinguishable from a missing one (404), so ids of other
 * organisations cannot be probed.
 */
@Controller("/admin/v1/contacts")
public class ContactsController {

    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ContactStore contacts;
    private final ContactJson json;

    public ContactsController(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.json = new ContactJson(clock);
    }

    @Get("/{id}")
    public HttpResponse<String> get(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        Optional<StaffIdentity> staff = StaffIdentity.from(request);
        if (staff.isEmpty()) {
            return ApiErrors.of(HttpStatus.UNAUTHORIZED, "a staff token with a tenant claim is required");
        }
        if (!staff.get().hasAnyRole("viewer", "editor", "admin")) {
            return ApiErrors.of(HttpStatus.FORBIDDEN, "reading contacts needs the viewer, editor or admin role");
        }
        if (!CONTACT_ID.matcher(id).matches()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "a contact id is 1-64 letters, digits or . _ : -");
        }
        return contacts.find(staff.get().tenant(), id)
                .map(contact -> (HttpResponse<String>) HttpResponse.ok(json.write(contact)).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(() -> ApiErrors.of(HttpStatus.NOT_FOUND, "no such contact"));
    }
}
