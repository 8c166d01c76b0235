package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit table is append-only by IAM (docs/adr/0027-audit.md): only the admin API may touch it, and only to put
 * and query; it keeps entries for their retention (TTL), can be restored (PITR) and outlives the stack.
 */
class AuditTableTemplateTest {

    private static final String TABLE = "AuditTable";

    @Test
    void onlyTheAdminApiMayPutAndQueryTheAuditTableAndNoOneMayChangeOrDeleteAnEntry() {
        Map<String, Set<String>> actions = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : RealTemplate.TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            Object policies = function.properties().get("Policies");
            if (policies instanceof List<?> list) {
                for (Object policy : list) {
                    collect(function.logicalId(), policy, actions, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(actions).containsOnlyKeys("AdminApiFunction");
        assertThat(actions.get("AdminApiFunction")).containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:Query");
    }

    @Test
    void entriesAreKeyedByTenantAndTimeExpireAndSurviveTheStack() {
        TemplateResource table = RealTemplate.TEMPLATE.resource(TABLE).orElseThrow();
        assertThat(table.properties().get("KeySchema").toString()).contains("pk", "HASH", "sk", "RANGE");
        assertThat(table.properties().get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(table.properties().get("PointInTimeRecoverySpecification"))
                .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
        Map<?, ?> raw = (Map<?, ?>) ((Map<?, ?>) RealTemplate.TEMPLATE.raw().get("Resources")).get(TABLE);
        assertThat(raw.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(raw.get("UpdateReplacePolicy")).isEqualTo("Retain");
        Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) RealTemplate.TEMPLATE.resource("AdminApiFunction").orElseThrow()
                .properties().get("Environment")).get("Variables");
        assertThat(environment.get("AUDIT_TABLE")).isEqualTo(Map.of("Ref", TABLE));
    }

    /** The actions of statements on the audit table; a SAM policy template naming it is a problem (too wide). */
    private static void collect(String function, Object policy, Map<String, Set<String>> actions, List<String> problems) {
        if (!(policy instanceof Map<?, ?> map)) {
            return;
        }
        if (map.containsKey("Fn::If") && map.get("Fn::If") instanceof List<?> branches) {
            branches.stream().skip(1).forEach(branch -> collect(function, branch, actions, problems));
            return;
        }
        if (!(map.get("Statement") instanceof List<?> statements)) {
            if (map.toString().contains(TABLE)) {
                problems.add(function + ": a policy template names " + TABLE + ": " + map);
            }
            return;
        }
        for (Object statement : statements) {
            if (statement instanceof Map<?, ?> s && String.valueOf(s.get("Resource")).contains(TABLE)) {
                if (!"Allow".equals(s.get("Effect"))) {
                    continue;
                }
                Object action = s.get("Action");
                List<?> names = action instanceof List<?> l ? l : List.of(String.valueOf(action));
                names.forEach(name -> actions.computeIfAbsent(function, f -> new TreeSet<>()).add(String.valueOf(name)));
            }
        }
    }
}
