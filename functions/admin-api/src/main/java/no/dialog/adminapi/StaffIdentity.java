package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Who is calling, from the JWT claims that API Gateway's authorizer verified and passed on.
 * HTTP API hands claims over as strings; a list claim such as {@code roles} arrives as
 * {@code [editor viewer]}, which is read back into a list here.
 */
public record StaffIdentity(String subject, TenantId tenant, List<String> roles) {

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Empty when the request carries no verified claims or no valid tenant claim. */
    public static Optional<StaffIdentity> from(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        if (claims == null || !TenantId.isValid(claims.get("tenant"))) {
            return Optional.empty();
        }
        return Optional.of(new StaffIdentity(claims.getOrDefault("sub", ""), TenantId.of(claims.get("tenant")),
                parseList(claims.get("roles"))));
    }

    static List<String> parseList(String claim) {
        if (claim == null || claim.isBlank()) {
            return List.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+"))
                .map(s -> s.replace("\"", ""))
                .filter(s -> !s.isBlank())
                .toList();
    }
}
