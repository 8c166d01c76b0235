package no.dialog.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pre-token-generation trigger with Cognito's event from events/staff-claims, as Lambda hands it over (a map). */
class StaffClaimsTriggerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> sample() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return MAPPER.readValue(dir.resolve("events/staff-claims/pre-token-generation.json").toFile(),
                new TypeReference<>() {});
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> answer) {
        return (Map<String, Object>) ((Map<String, Object>) answer.get("response")).get("claimsOverrideDetails");
    }

    @Test
    void theChosenOrganisationAndItsRolesBecomeTheTokensClaims() throws Exception {
        Map<String, Object> event = sample();

        Map<String, Object> answer = new StaffClaimsTrigger().handleRequest(event, null);

        assertThat(answer.get("userPoolId")).isEqualTo("eu-north-1_AbCdEf123");
        assertThat((Map<String, String>) details(answer).get("claimsToAddOrOverride")).containsOnly(
                Map.entry("tenant", "redcross"), Map.entry("roles", "viewer admin"),
                Map.entry("organisations", "demo redcross"));
        assertThat((List<String>) details(answer).get("claimsToSuppress")).contains("cognito:groups");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrganisationWithoutARoleGivesNoTenantClaimSoTheApiRefusesTheToken() throws Exception {
        Map<String, Object> event = sample();
        ((Map<String, Object>) ((Map<String, Object>) event.get("request")).get("userAttributes"))
                .put("custom:tenant", "evil");

        Map<String, String> claims = (Map<String, String>) details(new StaffClaimsTrigger().handleRequest(event, null))
                .get("claimsToAddOrOverride");

        assertThat(claims).doesNotContainKey("tenant");
        assertThat(claims.get("roles")).isEmpty();
        // And the admin API reads such a token as no staff identity at all (401):
        assertThat(StaffIdentity.parseList(claims.get("roles"))).isEmpty();
    }

    @Test
    void rolesAsTheTriggerWritesThemAreReadBackByTheAdminApi() {
        assertThat(StaffIdentity.parseList("viewer admin platform-admin")).containsExactly("viewer", "admin", "platform-admin");
    }
}
