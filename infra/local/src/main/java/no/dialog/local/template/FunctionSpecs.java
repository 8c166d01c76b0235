package no.dialog.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the template's serverless functions into {@link FunctionSpec}s.
 *
 * <p>Function environments usually hold queue URLs ({@code !Ref ImportsQueue}), which exist only once the
 * queues do; so call this after provisioning, with a resolver that knows the provisioned resources
 * ({@code resolver.withPhysicalIds(localResources)}).
 */
public final class FunctionSpecs {

    private FunctionSpecs() {
    }

    /** All {@code AWS::Serverless::Function}s whose condition holds, in template order. */
    public static List<FunctionSpec> read(CloudFormationTemplate template, IntrinsicResolver resolver) {
        Map<String, HttpApiSpec> apis = new LinkedHashMap<>();
        for (HttpApiSpec api : StackSpec.readHttpApis(template, resolver)) {
            apis.put(api.logicalId(), api);
        }
        FunctionEventReader events = new FunctionEventReader(apis);
        List<FunctionSpec> functions = new ArrayList<>();
        for (TemplateResource resource : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)) {
            if (resolver.isIncluded(resource)) {
                functions.add(read(resource, resolver, events));
            }
        }
        return List.copyOf(functions);
    }

    /** One function by logical id. */
    public static FunctionSpec read(CloudFormationTemplate template, IntrinsicResolver resolver, String logicalId) {
        return read(template, resolver).stream()
                .filter(function -> function.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new TemplateException("Resources." + logicalId + " is no "
                        + ResourceTypes.SERVERLESS_FUNCTION + " in " + template.source()));
    }

    private static FunctionSpec read(TemplateResource resource, IntrinsicResolver resolver, FunctionEventReader eventReader) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        String functionName = resolver.physicalIds().ref(resource.logicalId())
                .orElseThrow(() -> new TemplateException(resource.propertiesPath()
                        + ": the function's name is not known to the resolver's physical ids"));
        Map<String, String> environment = new LinkedHashMap<>();
        properties.object("Environment").flatMap(e -> e.object("Variables")).ifPresent(variables -> {
            for (String name : variables.keys()) {
                variables.string(name).ifPresent(value -> environment.put(name, value));
            }
        });
        List<FunctionEventSpec> events = new ArrayList<>();
        properties.object("Events").ifPresent(eventMap -> {
            for (String name : eventMap.keys()) {
                events.add(eventReader.read(name, eventMap.object(name).orElseThrow()));
            }
        });
        return new FunctionSpec(
                resource.logicalId(),
                functionName,
                properties.requiredString("Handler"),
                properties.string("Runtime").orElse(null),
                properties.has("CodeUri") ? String.valueOf(properties.resolved("CodeUri")) : null,
                properties.integer("Timeout", FunctionSpec.DEFAULT_TIMEOUT_SECONDS),
                properties.integer("MemorySize", FunctionSpec.DEFAULT_MEMORY_SIZE),
                Collections.unmodifiableMap(environment),
                properties.has("Policies") || properties.has("Role"),
                List.copyOf(events));
    }
}
