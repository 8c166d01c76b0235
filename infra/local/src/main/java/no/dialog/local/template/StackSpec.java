package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the local stack creates or wires before any function runs: tables, queues and buckets to
 * provision, buses and rules to emulate, HTTP APIs to serve, and the physical name and ARN of every
 * named resource (functions and log groups included).
 *
 * <p>All of it can be read from the template and parameters alone, so read it before provisioning:
 * <pre>{@code
 * IntrinsicResolver resolver = IntrinsicResolver.builder(template).parameter("Stage", "local").build();
 * StackSpec stack = StackSpec.read(template, resolver);
 * }</pre>
 *
 * @param tables         {@code AWS::DynamoDB::Table}s
 * @param queues         {@code AWS::SQS::Queue}s
 * @param buckets        {@code AWS::S3::Bucket}s
 * @param eventBuses     {@code AWS::Events::EventBus}es (the {@code default} bus is implied)
 * @param rules          {@code AWS::Events::Rule}s
 * @param httpApis       {@code AWS::Serverless::HttpApi}s, plus SAM's implicit API when events need it
 * @param namedResources name and ARN of every resource that has one
 * @param secrets        {@code AWS::SecretsManager::Secret}s
 * @param kmsKeys        {@code AWS::KMS::Key}s with their aliases
 */
public record StackSpec(
        List<TableSpec> tables,
        List<QueueSpec> queues,
        List<BucketSpec> buckets,
        List<EventBusSpec> eventBuses,
        List<RuleSpec> rules,
        List<HttpApiSpec> httpApis,
        List<NamedResource> namedResources,
        List<SecretSpec> secrets,
        List<KmsKeySpec> kmsKeys) {

    /**
     * Reads the stack from the template. The resolver needs parameters only; names and ARNs of other
     * resources are planned from the template (see {@link IntrinsicResolver}).
     */
    public static StackSpec read(CloudFormationTemplate template, IntrinsicResolver resolver) {
        ResourceNamer namer = new ResourceNamer(template, resolver);
        List<TableSpec> tables = new ArrayList<>();
        List<QueueSpec> queues = new ArrayList<>();
        List<BucketSpec> buckets = new ArrayList<>();
        List<EventBusSpec> buses = new ArrayList<>();
        List<RuleSpec> rules = new ArrayList<>();
        List<SecretSpec> secrets = new ArrayList<>();
        List<KmsKeySpec> kmsKeys = new ArrayList<>();
        for (TemplateResource resource : template.resources().values()) {
            if (!resolver.isIncluded(resource)) {
                continue;
            }
            String id = resource.logicalId();
            switch (resource.type()) {
                case ResourceTypes.TABLE -> tables.add(TableSpecReader.read(resource, name(namer, id), resolver));
                case ResourceTypes.QUEUE -> queues.add(QueueSpecReader.read(resource, name(namer, id), resolver));
                case ResourceTypes.BUCKET -> buckets.add(BucketSpecReader.read(resource, name(namer, id), resolver));
                case ResourceTypes.EVENT_BUS -> buses.add(EventBridgeSpecReader.readBus(resource, name(namer, id)));
                case ResourceTypes.RULE -> rules.add(EventBridgeSpecReader.readRule(resource, name(namer, id), resolver));
                case ResourceTypes.SECRET -> secrets.add(SecretSpec.read(resource, name(namer, id), resolver));
                case ResourceTypes.KMS_KEY -> kmsKeys.add(KmsKeySpec.read(resource, template, resolver));
                default -> {
                    // Other types are either wired later (functions) or not emulated (policies, log groups).
                }
            }
        }
        return new StackSpec(List.copyOf(tables), List.copyOf(queues), List.copyOf(buckets), List.copyOf(buses),
                List.copyOf(rules), readHttpApis(template, resolver), namer.all(), List.copyOf(secrets),
                List.copyOf(kmsKeys));
    }

    public Optional<TableSpec> table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<QueueSpec> queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<BucketSpec> bucket(String logicalId) {
        return buckets.stream().filter(b -> b.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<RuleSpec> rule(String logicalId) {
        return rules.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<HttpApiSpec> httpApi(String logicalId) {
        return httpApis.stream().filter(a -> a.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<NamedResource> namedResource(String logicalId) {
        return namedResources.stream().filter(n -> n.logicalId().equals(logicalId)).findFirst();
    }

    /** The HTTP APIs, including the one SAM creates implicitly when an HttpApi event names no ApiId. */
    static List<HttpApiSpec> readHttpApis(CloudFormationTemplate template, IntrinsicResolver resolver) {
        List<HttpApiSpec> apis = new ArrayList<>();
        for (TemplateResource resource : template.resourcesOfType(ResourceTypes.SERVERLESS_HTTP_API)) {
            if (resolver.isIncluded(resource)) {
                apis.add(HttpApiSpecReader.read(resource.logicalId(), PropertyReader.of(resource, resolver)));
            }
        }
        if (usesImplicitHttpApi(template) && !template.hasResource(ResourceTypes.IMPLICIT_HTTP_API)) {
            apis.add(HttpApiSpecReader.read(ResourceTypes.IMPLICIT_HTTP_API,
                    new PropertyReader(template.implicitHttpApiProperties(), "Globals.HttpApi", resolver)));
        }
        return List.copyOf(apis);
    }

    private static boolean usesImplicitHttpApi(CloudFormationTemplate template) {
        for (TemplateResource function : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)) {
            if (function.properties().get("Events") instanceof Map<?, ?> events) {
                for (Object event : events.values()) {
                    if (event instanceof Map<?, ?> map && "HttpApi".equals(map.get("Type"))
                            && !(map.get("Properties") instanceof Map<?, ?> properties && properties.containsKey("ApiId"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String name(ResourceNamer namer, String logicalId) {
        return namer.named(logicalId).orElseThrow().physicalName();
    }
}
