package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds where a template would put a secret in plain view: a {@code NoEcho} parameter (its value would be a secret
 * handed to CloudFormation, and it is copied wherever it is referenced), or a function environment variable (in
 * {@code Globals} or a function) that carries one. Lambda shows environment variables to anyone who may read the
 * function's configuration, so a function gets only the ARN of a secret (docs/adr/0022).
 *
 * <p>A variable carries a secret when its value
 * <ul>
 *   <li>refers to a {@code NoEcho} parameter ({@code Ref}, or {@code ${Name}} in {@code Fn::Sub});</li>
 *   <li>holds a dynamic reference to a secret ({@code {{resolve:secretsmanager:...}}} or
 *       {@code {{resolve:ssm-secure:...}}}), which CloudFormation would resolve into the plain value;</li>
 *   <li>or its name says it is one (a word {@code SECRET}, {@code PASSWORD}, {@code KEY} or {@code TOKEN}; a name
 *       ending in {@code _VERSION} names a key's version number, not a key) and the value is not a reference to a
 *       secret's ARN ({@code Ref} or {@code Fn::GetAtt ...Id} of an {@code AWS::SecretsManager::Secret}, or a
 *       literal {@code arn:...:secretsmanager:} ARN), nor to a KMS key ({@code Ref} or {@code Fn::GetAtt} of an
 *       {@code AWS::KMS::Key}: its id or ARN names a key whose material never leaves KMS).</li>
 * </ul>
 */
public final class SecretExposure {

    private static final Pattern SECRET_NAME = Pattern.compile("(^|_)(SECRET|PASSWORD|KEY|TOKEN)(_|$)");
    private static final Pattern DYNAMIC_SECRET = Pattern.compile("\\{\\{resolve:(secretsmanager|ssm-secure):");
    private static final Pattern SECRET_ARN = Pattern.compile("^arn:[^:]*:secretsmanager:");

    private final CloudFormationTemplate template;

    public SecretExposure(CloudFormationTemplate template) {
        this.template = template;
    }

    /** Parameters declared {@code NoEcho}, as "Parameters.X is NoEcho". */
    public List<String> noEchoParameters() {
        List<String> problems = new ArrayList<>();
        for (String name : noEchoNames()) {
            problems.add("Parameters." + name + " is NoEcho: a secret belongs in Secrets Manager, not in a parameter");
        }
        return problems;
    }

    /** Environment variables that carry a secret, each as "path: why". */
    public List<String> environmentProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> noEcho = noEchoNames();
        Map<?, ?> globals = template.globals().get("Function") instanceof Map<?, ?> function
                ? variables(function) : Map.of();
        check("Globals.Function.Environment.Variables", globals, Map.of(), noEcho, problems);
        for (TemplateResource resource : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION,
                ResourceTypes.LAMBDA_FUNCTION)) {
            check(resource.propertiesPath() + ".Environment.Variables", variables(resource.properties()), globals,
                    noEcho, problems);
        }
        return problems;
    }

    /** @param inherited the Globals' variables, which a function's merged environment repeats: reported once */
    private void check(String path, Map<?, ?> variables, Map<?, ?> inherited, Set<String> noEcho,
            List<String> problems) {
        for (Map.Entry<?, ?> variable : variables.entrySet()) {
            String name = String.valueOf(variable.getKey());
            Object value = variable.getValue();
            if (inherited.containsKey(variable.getKey()) && java.util.Objects.equals(inherited.get(name), value)) {
                continue;
            }
            String at = path + "." + name;
            Set<String> referenced = new TreeSet<>();
            collectReferences(value, referenced);
            referenced.retainAll(noEcho);
            if (!referenced.isEmpty()) {
                problems.add(at + ": takes the NoEcho parameter " + String.join(", ", referenced));
            } else if (DYNAMIC_SECRET.matcher(String.valueOf(value)).find()) {
                problems.add(at + ": resolves a secret into the environment ({{resolve:...}})");
            } else if (SECRET_NAME.matcher(name).find() && !name.endsWith("_VERSION") && !isSecretArn(value)) {
                problems.add(at + ": its name says it holds a secret, and its value is not a secret's ARN");
            }
        }
    }

    private boolean isSecretArn(Object value) {
        if (value instanceof String text) {
            return SECRET_ARN.matcher(text).find();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object ref = map.get("Ref");
            if (ref instanceof String logicalId) {
                return isSecret(logicalId) || isKmsKey(logicalId);
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && parts.size() == 2) {
                return isSecret(String.valueOf(parts.get(0))) && "Id".equals(parts.get(1))
                        || isKmsKey(String.valueOf(parts.get(0)));
            }
            if (getAtt instanceof String dotted && dotted.endsWith(".Id")) {
                return isSecret(dotted.substring(0, dotted.length() - 3));
            }
            if (getAtt instanceof String dotted && dotted.contains(".")) {
                return isKmsKey(dotted.substring(0, dotted.indexOf('.')));
            }
        }
        return false;
    }

    private boolean isKmsKey(String logicalId) {
        return template.resource(logicalId).filter(r -> r.isOfType(ResourceTypes.KMS_KEY)).isPresent();
    }

    private boolean isSecret(String logicalId) {
        return template.resource(logicalId).filter(r -> r.isOfType(ResourceTypes.SECRET)).isPresent();
    }

    /** Every name a value refers to: {@code Ref} targets and {@code ${Name}} in {@code Fn::Sub} strings. */
    private static void collectReferences(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if ("Ref".equals(key) && inner instanceof String name) {
                    names.add(name);
                } else if ("Fn::Sub".equals(key)) {
                    Object text = inner instanceof List<?> list && !list.isEmpty() ? list.get(0) : inner;
                    if (text instanceof String string) {
                        var matcher = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(string);
                        while (matcher.find()) {
                            names.add(matcher.group(1));
                        }
                    }
                    collectReferences(inner, names);
                } else {
                    collectReferences(inner, names);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, names));
        }
    }

    private static Map<?, ?> variables(Map<?, ?> functionProperties) {
        if (functionProperties.get("Environment") instanceof Map<?, ?> environment
                && environment.get("Variables") instanceof Map<?, ?> variables) {
            return variables;
        }
        return Map.of();
    }

    private Set<String> noEchoNames() {
        Set<String> names = new TreeSet<>();
        if (template.raw().get("Parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((name, declaration) -> {
                if (declaration instanceof Map<?, ?> map && "true".equalsIgnoreCase(String.valueOf(map.get("NoEcho")))) {
                    names.add(String.valueOf(name));
                }
            });
        }
        return names;
    }
}
