package no.dialog.local.template;

import java.util.Locale;
import java.util.Map;

/** Reads one entry under a serverless function's {@code Events} into a {@link FunctionEventSpec}. */
final class FunctionEventReader {

    private final Map<String, HttpApiSpec> httpApis;

    /** @param httpApis the template's HTTP APIs, for their default authorizers */
    FunctionEventReader(Map<String, HttpApiSpec> httpApis) {
        this.httpApis = httpApis;
    }

    FunctionEventSpec read(String name, PropertyReader event) {
        String type = event.requiredString("Type");
        PropertyReader properties = event.object("Properties")
                .orElseGet(() -> new PropertyReader(Map.of(), event.path("Properties"), event.resolver()));
        return switch (type) {
            case "SQS" -> sqs(name, properties);
            case "HttpApi" -> httpApi(name, properties);
            case "Schedule" -> new ScheduleEventSpec(name, type, properties.requiredString("Schedule"), null,
                    properties.json("Input").orElse(null), enabled(properties));
            case "ScheduleV2" -> new ScheduleEventSpec(name, type, properties.requiredString("ScheduleExpression"),
                    properties.string("ScheduleExpressionTimezone").orElse(null),
                    properties.json("Input").orElse(null), enabled(properties));
            case "EventBridgeRule", "CloudWatchEvent" -> eventBridgeRule(name, properties);
            default -> new UnsupportedEventSpec(name, type);
        };
    }

    private static SqsEventSpec sqs(String name, PropertyReader properties) {
        return new SqsEventSpec(
                name,
                properties.referencedResource("Queue", ResourceTypes.QUEUE)
                        .orElseThrow(() -> new TemplateException(properties.path("Queue") + " is required")),
                properties.integer("BatchSize", SqsEventSpec.DEFAULT_BATCH_SIZE),
                properties.integer("MaximumBatchingWindowInSeconds", 0),
                properties.strings("FunctionResponseTypes").contains("ReportBatchItemFailures"),
                properties.bool("Enabled", true),
                properties.object("ScalingConfig").flatMap(s -> s.integer("MaximumConcurrency")).orElse(null));
    }

    private HttpApiEventSpec httpApi(String name, PropertyReader properties) {
        String apiId = properties.has("ApiId")
                ? ResourceReferences.logicalIdOf(properties.raw("ApiId")).orElseThrow(() -> new TemplateException(
                        properties.path("ApiId") + " must be !Ref of an HttpApi in this template"))
                : ResourceTypes.IMPLICIT_HTTP_API;
        // SAM's route for an event without Path and Method is the API's catch-all $default route.
        String path = properties.string("Path").orElse("$default");
        String method = properties.string("Method").orElse("ANY").toUpperCase(Locale.ROOT);
        HttpApiSpec api = httpApis.get(apiId);
        String authorizer = properties.object("Auth").flatMap(auth -> auth.string("Authorizer"))
                .orElse(api == null ? null : api.defaultAuthorizer());
        if ("NONE".equals(authorizer)) {
            authorizer = null;
        }
        return new HttpApiEventSpec(name, apiId, path, method, authorizer);
    }

    private static EventBridgeRuleEventSpec eventBridgeRule(String name, PropertyReader properties) {
        EventBridgeSpecReader.BusReference bus = EventBridgeSpecReader.BusReference.read(properties, "EventBusName");
        return new EventBridgeRuleEventSpec(
                name,
                bus.name(),
                bus.logicalId(),
                properties.json("Pattern").orElseThrow(() -> new TemplateException(properties.path("Pattern")
                        + " is required")),
                properties.json("Input").orElse(null),
                properties.string("InputPath").orElse(null));
    }

    /** SAM schedules use {@code State} (ENABLED/DISABLED) or the older {@code Enabled} flag. */
    private static boolean enabled(PropertyReader properties) {
        if (properties.has("State")) {
            return !properties.requiredString("State").equalsIgnoreCase("DISABLED");
        }
        return properties.bool("Enabled", true);
    }
}
