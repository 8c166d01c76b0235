package no.dialog.local.template;

import java.util.List;
import java.util.Optional;

/** Reads {@code AWS::Events::EventBus} and {@code AWS::Events::Rule} resources. */
final class EventBridgeSpecReader {

    private EventBridgeSpecReader() {
    }

    static EventBusSpec readBus(TemplateResource resource, String busName) {
        return new EventBusSpec(resource.logicalId(), busName);
    }

    static RuleSpec readRule(TemplateResource resource, String ruleName, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        BusReference bus = BusReference.read(properties, "EventBusName");
        List<RuleSpec.Target> targets = properties.objects("Targets").stream()
                .map(target -> new RuleSpec.Target(
                        target.requiredString("Id"),
                        // A target that invokes a function through its SAM alias (!Ref FnAliaslive) runs that
                        // function locally, where there are no versions.
                        ResourceReferences.logicalIdOf(target.raw("Arn"))
                                .map(id -> resolver.template().functionOfAlias(id).orElse(id))
                                .orElse(null),
                        target.requiredString("Arn"),
                        target.json("Input").orElse(null),
                        target.string("InputPath").orElse(null)))
                .toList();
        return new RuleSpec(
                resource.logicalId(),
                ruleName,
                bus.name(),
                bus.logicalId(),
                properties.json("EventPattern").orElse(null),
                properties.string("ScheduleExpression").orElse(null),
                !properties.string("State").orElse("ENABLED").equalsIgnoreCase("DISABLED"),
                targets);
    }

    /**
     * The bus a rule or a SAM {@code EventBridgeRule} event listens on: its name ({@code default} when none
     * is given) and, when it is a bus in this template, its logical id.
     */
    record BusReference(String name, String logicalId) {

        static BusReference read(PropertyReader properties, String key) {
            if (!properties.has(key)) {
                return new BusReference("default", null);
            }
            String name = Arns.eventBusName(properties.requiredString(key));
            Optional<String> logicalId = ResourceReferences.logicalIdOf(properties.raw(key))
                    .filter(id -> properties.resolver().template().resource(id)
                            .filter(r -> r.isOfType(ResourceTypes.EVENT_BUS)).isPresent());
            return new BusReference(name, logicalId.orElse(null));
        }
    }
}
