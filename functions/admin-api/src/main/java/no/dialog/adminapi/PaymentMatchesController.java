package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.paging.Page;
import no.dialog.core.payment.match.MatchRefused;
import no.dialog.core.payment.match.PaymentMatches;
import no.dialog.core.tenant.TenantId;

/**
 * Payments without a KID (docs/payments.md, ADR 0017): staff see the open ones with the journeys Dialog
 * suggests, and confirm one journey (the payment is registered as that journey's conversion) or reject
 * it. Viewers may read; editors and admins decide. Another tenant's payment is a 404. Without the
 * payments table ({@code PAYMENTS_TABLE}) the routes answer 503 and the rest of the API works as before.
 *
 * <ul>
 *   <li>{@code GET /admin/v1/payments/unmatched?limit=50&cursor=...}: open payments, newest first, a page at a time ({@link Paging})</li>
 *   <li>{@code GET /admin/v1/payments/unmatched/{id}}: one payment, open or decided</li>
 *   <li>{@code POST /admin/v1/payments/unmatched/{id}/confirm} {@code {"journeyId": "...", "contactId": "..."}}
 *       ({@code contactId} optional: who paid, when staff know it)</li>
 *   <li>{@code POST /admin/v1/payments/unmatched/{id}/reject}</li>
 * </ul>
 * Refusals: 404 unknown payment, 409 decided otherwise already, 400 unknown journey or contact or a payer
 * Dialog cannot identify (then staff name the contact). Confirming the same journey again answers 200 as
 * the first time and registers nothing.
 */
@Controller("/admin/v1/payments/unmatched")
public class PaymentMatchesController {

    static final String PAYMENTS = "payments";

    /** Payment ids are {@code <source>-<22 base64url characters>}; anything else cannot be one. */
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** Contact ids come from the org system: any short text without control characters. */
    private static final Pattern CONTACT_ID = Pattern.compile("[^\\p{Cntrl}]{1,200}");
    private static final Set<String> CONFIRM_FIELDS = Set.of("journeyId", "contactId");

    private final Optional<PaymentMatches> matches;

    public PaymentMatchesController(Optional<PaymentMatches> matches) {
        this.matches = matches;
    }

    @Get
    @StaffOnly(value = Access.READ, what = PAYMENTS)
    public HttpResponse<String> open(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        if (matches.isEmpty()) {
            return notConfigured();
        }
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        Page<PaymentMatches.Review> page;
        try {
            page = matches.get().open(staff.tenant(), paging.request());
        } catch (IllegalArgumentException notOurs) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, Paging.NOT_OURS);
        }
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(PaymentMatchViews.list(page.items()), page));
    }

    @Get("/{id}")
    public HttpResponse<String> review(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toRead(request, PAYMENTS);
        HttpResponse<String> stop = stop(access, id);
        if (stop != null) {
            return stop;
        }
        try {
            return SegmentViews.json(HttpStatus.OK, PaymentMatchViews.review(matches.get().review(access.staff().tenant(), id)));
        } catch (MatchRefused refused) {
            return refusal(refused);
        }
    }

    @Post("/{id}/confirm")
    public HttpResponse<String> confirm(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toWrite(request, PAYMENTS);
        HttpResponse<String> stop = stop(access, id);
        if (stop != null) {
            return stop;
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        JsonNode json = body.json();
        if (!json.isObject()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "the body must be an object: {\"journeyId\": ..., \"contactId\": ...}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CONFIRM_FIELDS.contains(name)) {
                return ApiErrors.of(HttpStatus.BAD_REQUEST, "unknown field '" + name + "'; allowed: journeyId, contactId");
            }
        }
        JsonNode journey = json.get("journeyId");
        if (journey == null || !journey.isTextual() || !JourneyIds.isValid(journey.asText())) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "journeyId is required: " + JourneyIds.RULE);
        }
        JsonNode contact = json.get("contactId");
        String contactId = null;
        if (contact != null && !contact.isNull()) {
            if (!contact.isTextual() || !CONTACT_ID.matcher(contact.asText()).matches()) {
                return ApiErrors.of(HttpStatus.BAD_REQUEST, "contactId, when given, is a contact's id (text, 1-200 characters)");
            }
            contactId = contact.asText();
        }
        TenantId tenant = access.staff().tenant();
        try {
            PaymentMatches.Confirmation confirmation = matches.get().confirm(tenant, id, journey.asText(),
                    access.staff().subject(), contactId);
            return SegmentViews.json(HttpStatus.OK, PaymentMatchViews.confirmation(confirmation));
        } catch (MatchRefused refused) {
            return refusal(refused);
        }
    }

    @Post("/{id}/reject")
    public HttpResponse<String> reject(@PathVariable String id, APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toWrite(request, PAYMENTS);
        HttpResponse<String> stop = stop(access, id);
        if (stop != null) {
            return stop;
        }
        try {
            return SegmentViews.json(HttpStatus.OK, PaymentMatchViews.payment(
                    matches.get().reject(access.staff().tenant(), id, access.staff().subject())));
        } catch (MatchRefused refused) {
            return refusal(refused);
        }
    }

    /** Refusal messages hold ids and statuses only (MatchRefused's contract), so they are shown as they are. */
    static HttpResponse<String> refusal(MatchRefused refused) {
        return ApiErrors.of(status(refused.kind()), refused.getMessage());
    }

    static HttpStatus status(MatchRefused.Kind kind) {
        switch (kind) {
            case UNKNOWN_PAYMENT:
                return HttpStatus.NOT_FOUND;
            case ALREADY_DECIDED:
                return HttpStatus.CONFLICT;
            case UNKNOWN_JOURNEY:
            case UNKNOWN_CONTACT:
            case PAYER_NOT_IDENTIFIED:
                return HttpStatus.BAD_REQUEST;
            default:
                throw new IllegalArgumentException("no answer for refusal " + kind);
        }
    }

    private static HttpResponse<String> unknown() {
        return ApiErrors.of(HttpStatus.NOT_FOUND, "no waiting payment with that id");
    }

    private static HttpResponse<String> notConfigured() {
        return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "payments are not set up for this API (no PAYMENTS_TABLE)");
    }

    /** Why a request about one payment stops here (role, no payments table, not a payment id), or null. */
    private HttpResponse<String> stop(StaffAccess.Outcome access, String id) {
        if (access.refused()) {
            return access.refusal();
        }
        if (matches.isEmpty()) {
            return notConfigured();
        }
        if (!PAYMENT_ID.matcher(id).matches()) {
            return unknown();
        }
        return null;
    }
}
