package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.staff.StaffClaims;
import no.dialog.core.tenant.TenantId;

/**
 * The staff user pool's pre-token-generation trigger (Cognito's version 1 event, which shapes the ID token the
 * admin UI sends): adds {@code tenant}, {@code roles} and {@code organisations} from the person's groups and
 * chosen organisation ({@code custom:tenant}) by {@link StaffClaims}, the rule in core (docs/adr/0023).
 *
 * <p>A plain handler, no application context: it runs inside every sign-in and token refresh, and Cognito
 * gives a trigger five seconds. It lives in the admin API's jar (a second function of the template) because
 * the two share the claims' meaning; it reads no environment.
 */
public class StaffClaimsTrigger implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The attribute the person sets to choose among their organisations. */
    static final String CHOSEN = "custom:tenant";

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = map(event.get("request"));
        Map<String, Object> attributes = map(request.get("userAttributes"));
        Map<String, Object> groupConfiguration = map(request.get("groupConfiguration"));
        List<String> groups = new ArrayList<>();
        if (groupConfiguration.get("groupsToOverride") instanceof List<?> list) {
            list.forEach(group -> groups.add(String.valueOf(group)));
        }
        Object chosen = attributes.get(CHOSEN);
        StaffClaims claims = StaffClaims.from(groups, chosen == null ? null : chosen.toString());

        Map<String, String> add = new LinkedHashMap<>();
        claims.tenant().ifPresent(tenant -> add.put("tenant", tenant.value()));
        add.put("roles", String.join(" ", claims.roles()));
        add.put("organisations", String.join(" ", claims.organisations().stream().map(TenantId::value).toList()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("claimsToAddOrOverride", add);
        // The groups are the claims' source, not something the API reads: kept out of the token it sees.
        details.put("claimsToSuppress", List.of("cognito:groups", "cognito:roles", "cognito:preferred_role"));
        Map<String, Object> response = new LinkedHashMap<>(map(event.get("response")));
        response.put("claimsOverrideDetails", details);
        Map<String, Object> answer = new LinkedHashMap<>(event);
        answer.put("response", response);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
