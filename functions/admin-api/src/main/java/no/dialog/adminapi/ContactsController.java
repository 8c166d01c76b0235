package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import no.dialog.core.paging.Page;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;

/**
 * {@code GET /admin/v1/contacts/{id}}: one contact of the caller's tenant, in the contact record
 * format; {@code GET /admin/v1/contacts/{id}/payments}: the person's payments in the ledger, newest first, a
 * page at a time ({@link Paging}; gifts and invoice payments, with source and the journey that led to each). Another tenant's contact
 * is indistinguishable from a missing one (404), so ids of other organisations cannot be probed.
 */
@Controller("/admin/v1/contacts")
public class ContactsController {

    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ContactStore contacts;
    private final ContactJson json;
    private final Optional<PaymentLedger> ledger;

    public ContactsController(ContactStore contacts, Clock clock, Optional<PaymentLedger> ledger) {
        this.contacts = contacts;
        this.json = new ContactJson(clock);
        this.ledger = ledger;
    }

    @Get("/{id}")
    public HttpResponse<String> get(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toRead(request, "contacts");
        HttpResponse<String> stop = stop(access, id);
        if (stop != null) {
            return stop;
        }
        return contacts.find(access.staff().tenant(), id)
                .map(contact -> (HttpResponse<String>) HttpResponse.ok(json.write(contact)).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(() -> ApiErrors.of(HttpStatus.NOT_FOUND, "no such contact"));
    }

    @Get("/{id}/payments")
    public HttpResponse<String> payments(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toRead(request, "contacts");
        HttpResponse<String> stop = stop(access, id);
        if (stop != null) {
            return stop;
        }
        if (ledger.isEmpty()) {
            return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "payments are not set up for this API (no PAYMENTS_TABLE)");
        }
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        TenantId tenant = access.staff().tenant();
        if (contacts.find(tenant, id).isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no such contact");
        }
        Page<RegisteredPayment> page;
        try {
            page = ledger.get().forContact(tenant, id, paging.request());
        } catch (IllegalArgumentException notOurs) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, Paging.NOT_OURS);
        }
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode list = body.putArray("payments");
        for (RegisteredPayment payment : page.items()) {
            ObjectNode item = list.addObject().put("paymentId", payment.paymentId())
                    .put("kind", payment.kind().jsonName()).put("source", payment.source().jsonName())
                    .put("amountOre", payment.amountOre()).put("receivedAt", payment.receivedAt().toString())
                    .put("reference", payment.reference()).put("giverCandidate", payment.candidate());
            Attribution attribution = payment.attribution();
            if (attribution == null) {
                item.putNull("journey");
            } else {
                ObjectNode journey = item.putObject("journey").put("journeyId", attribution.journeyId());
                if (attribution.version() == null) {
                    journey.putNull("version");
                } else {
                    journey.put("version", attribution.version());
                }
                journey.put("stepId", attribution.stepId()).put("variant", attribution.variant());
            }
        }
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(body, page));
    }

    /** Why a request about one contact stops here (no token, role, malformed id), or null. */
    private static HttpResponse<String> stop(StaffAccess.Outcome access, String id) {
        if (access.refused()) {
            return access.refusal();
        }
        if (!CONTACT_ID.matcher(id).matches()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "a contact id is 1-64 letters, digits or . _ : -");
        }
        return null;
    }
}
