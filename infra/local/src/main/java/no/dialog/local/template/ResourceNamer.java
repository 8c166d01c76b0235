package no.dialog.local.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out each resource's physical name and ARN from the template, before anything exists: the name
 * property if the template sets one ({@code TableName}, {@code QueueName}, ...), otherwise a name made
 * from the stack name and logical id. CloudFormation would add a random suffix to such names; locally
 * they stay the same from run to run so that kept data (tables, buckets) is found again.
 *
 * <p>Names may refer to other resources' names ({@code !Sub /aws/lambda/${SyncFunction}}); these are
 * worked out on demand, and a name that ends up depending on itself is reported.
 */
final class ResourceNamer {

    private final CloudFormationTemplate template;
    private final IntrinsicResolver resolver;
    private final Map<String, Optional<NamedResource>> named = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();

    ResourceNamer(CloudFormationTemplate template, IntrinsicResolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** Every resource that has a name, in template order (resources whose condition is false left out). */
    List<NamedResource> all() {
        List<NamedResource> all = new ArrayList<>();
        for (TemplateResource resource : template.resources().values()) {
            if (resolver.isIncluded(resource)) {
                named(resource.logicalId()).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The resource's name and ARN, or empty if it has no name (e.g. a queue policy) or does not exist. */
    synchronized Optional<NamedResource> named(String logicalId) {
        Optional<NamedResource> known = named.get(logicalId);
        if (known != null) {
            return known;
        }
        TemplateResource resource = template.resource(logicalId).orElse(null);
        if (resource == null) {
            return Optional.empty();
        }
        if (!inProgress.add(logicalId)) {
            throw new TemplateException("Resources." + logicalId + ": its name depends on itself through "
                    + inProgress);
        }
        try {
            Optional<NamedResource> result = Optional.ofNullable(name(resource));
            named.put(logicalId, result);
            return result;
        } finally {
            inProgress.remove(logicalId);
        }
    }

    private NamedResource name(TemplateResource resource) {
        String id = resource.logicalId();
        String type = resource.type();
        switch (type) {
            case ResourceTypes.TABLE: {
                String name = nameProperty(resource, "TableName", generated(id, 255));
                return new NamedResource(id, type, name, Arns.table(name));
            }
            case ResourceTypes.QUEUE: {
                boolean fifo = Boolean.parseBoolean(String.valueOf(
                        resolver.resolve(resource.properties().get("FifoQueue"), resource.propertiesPath() + ".FifoQueue")));
                String name = nameProperty(resource, "QueueName",
                        fifo ? generated(id, 75) + ".fifo" : generated(id, 80));
                return new NamedResource(id, type, name, Arns.queue(name));
            }
            case ResourceTypes.BUCKET: {
                String name = nameProperty(resource, "BucketName", generated(id, 63).toLowerCase(Locale.ROOT));
                return new NamedResource(id, type, name, Arns.bucket(name));
            }
            case ResourceTypes.EVENT_BUS: {
                String name = nameProperty(resource, "Name", generated(id, 256));
                return new NamedResource(id, type, name, Arns.eventBus(name));
            }
            case ResourceTypes.RULE: {
                String name = nameProperty(resource, "Name", generated(id, 64));
                Object bus = resource.properties().get("EventBusName");
                String busName = bus == null ? "default"
                        : Arns.eventBusName(resolver.resolveString(bus, resource.propertiesPath() + ".EventBusName"));
                return new NamedResource(id, type, name, Arns.rule(busName, name));
            }
            case ResourceTypes.SERVERLESS_FUNCTION:
            case ResourceTypes.LAMBDA_FUNCTION: {
                String name = nameProperty(resource, "FunctionName", generated(id, 64));
                return new NamedResource(id, type, name, Arns.function(name));
            }
            case ResourceTypes.LOG_GROUP: {
                String name = nameProperty(resource, "LogGroupName", generated(id, 512));
                return new NamedResource(id, type, name, Arns.logGroup(name));
            }
            case ResourceTypes.SES_CONFIGURATION_SET: {
                String name = nameProperty(resource, "Name", generated(id, 64));
                return new NamedResource(id, type, name, Arns.sesConfigurationSet(name));
            }
            case ResourceTypes.SECRET: {
                String name = nameProperty(resource, "Name", generated(id, 512));
                return new NamedResource(id, type, name, Arns.secret(name));
            }
            case ResourceTypes.KMS_KEY: {
                // KMS makes the id; until the key exists, one planned from the stack and logical id stands in.
                String keyId = java.util.UUID.nameUUIDFromBytes((resolver.stackName() + "/" + id)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                return new NamedResource(id, type, keyId, Arns.kmsKey(keyId));
            }
            case ResourceTypes.USER_POOL: {
                // Cognito's ids are <region>_<letters and digits>; the name's letters and digits stand in.
                String name = PseudoParameters.REGION + "_" + nameProperty(resource, "UserPoolName", id)
                        .replaceAll("[^A-Za-z0-9]", "");
                return new NamedResource(id, type, name, Arns.userPool(name));
            }
            case ResourceTypes.USER_POOL_CLIENT: {
                String name = nameProperty(resource, "ClientName", id).replaceAll("[^A-Za-z0-9]", "");
                return new NamedResource(id, type, name, name);
            }
            case ResourceTypes.SERVERLESS_HTTP_API:
            case ResourceTypes.HTTP_API:
                // One local gateway serves every API, so they all have the same id.
                return new NamedResource(id, type, "local", Arns.httpApi("local"));
            default:
                return null;
        }
    }

    private String nameProperty(TemplateResource resource, String property, String generated) {
        Object value = resource.properties().get(property);
        if (value == null) {
            return generated;
        }
        String name = resolver.resolveString(value, resource.propertiesPath() + "." + property);
        return name.isEmpty() ? generated : name;
    }

    private String generated(String logicalId, int maxLength) {
        String name = resolver.stackName() + "-" + logicalId;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }
}
