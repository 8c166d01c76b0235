package no.dialog.local.template;

import java.util.List;
import java.util.Map;

/**
 * One entry under {@code Resources}: its logical id, type and properties (with SAM {@code Globals} already
 * applied for serverless functions). Values are still unresolved: they may hold intrinsic functions
 * such as {@code {Ref: Stage}}; use an {@link IntrinsicResolver} to turn them into plain values.
 *
 * @param logicalId  the key under {@code Resources}, e.g. {@code ContactsTable}
 * @param type       e.g. {@code AWS::DynamoDB::Table}
 * @param properties the resource's {@code Properties} (empty if it has none)
 * @param condition  the name of the condition that must hold for the resource to exist, or {@code null}
 * @param dependsOn  the logical ids under {@code DependsOn}
 */
public record TemplateResource(
        String logicalId, String type, Map<String, Object> properties, String condition, List<String> dependsOn) {

    /** The template path of this resource's properties, used in error messages. */
    public String propertiesPath() {
        return "Resources." + logicalId + ".Properties";
    }

    public boolean isOfType(String... types) {
        for (String candidate : types) {
            if (candidate.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
