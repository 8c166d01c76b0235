package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.contact.Problem;
import no.dialog.core.tenant.CredentialFingerprint;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.TenantId;

/**
 * The caller's organisation's own provider accounts ({@code link}, {@code make}, {@code smtp}, {@code vipps}):
 * {@code PUT /admin/v1/providers/{provider}} stores credentials, {@code GET /admin/v1/providers} shows which are set.
 * Credentials are write-only: no answer ever holds a value, only a fingerprint, the time they were set and their
 * revision. Admin role only.
 *
 * <p>The body is a JSON object of the provider's fields, all strings ({@link CredentialProvider}); every problem is
 * reported with its field path, and nothing is stored then. Every change names what it replaces:
 * {@code If-Match: "<revision>"} (the revision from {@code GET}) or, for a provider not set yet,
 * {@code If-None-Match: *}; without either 428, and 412 when the stored revision is another.
 */
@Controller("/admin/v1/providers")
public class ProvidersController {

    private static final String CREDENTIALS = "provider credentials";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProviderCredentials credentials;

    public ProvidersController(ProviderCredentials credentials) {
        this.credentials = credentials;
    }

    @Get
    @StaffOnly(value = Access.ADMINISTER, what = CREDENTIALS)
    public HttpResponse<String> list(StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        TenantId tenant = staff.tenant();
        Map<CredentialProvider, CredentialFingerprint> set = new LinkedHashMap<>();
        credentials.fingerprints(tenant).forEach(fingerprint -> set.put(fingerprint.provider(), fingerprint));
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode providers = body.putArray("providers");
        for (CredentialProvider provider : CredentialProvider.values()) {
            CredentialFingerprint fingerprint = set.get(provider);
            providers.add(fingerprint == null
                    ? MAPPER.createObjectNode().put("provider", provider.id()).put("configured", false)
                    : view(fingerprint));
        }
        return SegmentViews.json(HttpStatus.OK, body);
    }

    @Put("/{provider}")
    @StaffOnly(value = Access.ADMINISTER, what = CREDENTIALS)
    public HttpResponse<String> put(@PathVariable String provider, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Optional<CredentialProvider> known = CredentialProvider.fromId(provider);
        if (known.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no such provider; providers are link, make, smtp and vipps");
        }
        Precondition precondition = Precondition.of(request);
        if (precondition.refusal() != null) {
            return precondition.refusal();
        }
        JsonBodies.Outcome body = JsonBodies.read(request);
        if (body.refused()) {
            return body.refusal();
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, String> fields = fields(body.json(), problems);
        if (problems.isEmpty()) {
            known.get().problems(fields).forEach(p -> problems.add(new Problem(p.path(), p.reason())));
        }
        if (!problems.isEmpty()) {
            return ApiErrors.invalid(HttpStatus.BAD_REQUEST, "invalid " + known.get().id() + " credentials", problems);
        }
        try {
            CredentialFingerprint stored = credentials.put(staff.tenant(), known.get(), fields,
                    precondition.revision());
            return SegmentViews.json(HttpStatus.OK, view(stored)).header(Revisions.ETAG, "\"" + stored.revision() + "\"");
        } catch (ProviderCredentials.RevisionConflict e) {
            return ApiErrors.of(HttpStatus.PRECONDITION_FAILED, precondition.revision().isPresent()
                    ? "the " + known.get().id() + " credentials have another revision now; read them again"
                    : "the " + known.get().id() + " credentials are set already; send If-Match with their revision");
        }
    }

    /** Every field a string; the values never appear in a problem. */
    private static Map<String, String> fields(JsonNode json, List<Problem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!json.isObject()) {
            problems.add(new Problem("", "must be an object of the provider's credential fields"));
            return fields;
        }
        json.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            } else {
                problems.add(new Problem(field.getKey(), "must be a string"));
            }
        });
        return fields;
    }

    private static ObjectNode view(CredentialFingerprint fingerprint) {
        return MAPPER.createObjectNode()
                .put("provider", fingerprint.provider().id())
                .put("configured", true)
                .put("fingerprint", fingerprint.fingerprint())
                .put("setAt", fingerprint.setAt().toString())
                .put("revision", fingerprint.revision());
    }

    /**
     * What a change is based on: {@code If-Match: "<revision>"}, or {@code If-None-Match: *} for credentials not set
     * yet (revision empty); otherwise the refusal.
     */
    private record Precondition(Optional<String> revision, HttpResponse<String> refusal) {

        private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(
                "(?:W/)?\"?([A-Za-z0-9-]{1,64})\"?");

        static Precondition of(APIGatewayV2HTTPEvent request) {
            String ifMatch = header(request, "If-Match");
            String ifNoneMatch = header(request, "If-None-Match");
            if (ifMatch != null && !ifMatch.isBlank()) {
                java.util.regex.Matcher matcher = TAG.matcher(ifMatch.strip());
                if (!matcher.matches()) {
                    return new Precondition(Optional.empty(), ApiErrors.of(HttpStatus.BAD_REQUEST,
                            "If-Match must be the credentials' revision, as GET /admin/v1/providers gives it"));
                }
                return new Precondition(Optional.of(matcher.group(1)), null);
            }
            if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
                return new Precondition(Optional.empty(), null);
            }
            return new Precondition(Optional.empty(), ApiErrors.of(HttpStatus.PRECONDITION_REQUIRED,
                    "send If-Match with the credentials' revision, or If-None-Match: * when none are set"));
        }

        // HTTP API passes header names in lower case; a test or another proxy may not.
        private static String header(APIGatewayV2HTTPEvent request, String name) {
            if (request.getHeaders() == null) {
                return null;
            }
            for (Map.Entry<String, String> header : request.getHeaders().entrySet()) {
                if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }
}
