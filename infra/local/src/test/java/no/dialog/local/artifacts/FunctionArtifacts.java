package no.dialog.local.artifacts;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.local.sandbox.LandingParameters;
import no.dialog.local.sandbox.LinkConversationsSandbox;
import no.dialog.local.sandbox.LinkSandbox;
import no.dialog.local.sandbox.MakeSandbox;
import no.dialog.local.sandbox.SesSandbox;
import no.dialog.local.sandbox.VippsSandbox;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.FunctionSpecs;
import no.dialog.local.template.IntrinsicResolver;
import no.dialog.local.template.PhysicalIds;
import no.dialog.local.template.ResourceTypes;
import no.dialog.local.template.TemplateFiles;

/**
 * Every function of the project's template.yaml, with the values the local stack gives it: Stage {@code local},
 * the provider sandboxes' parameters (as {@code LocalStack} passes them) at a gateway that is not running, and
 * queue URLs shaped like the SQS emulator's at a port nothing listens on. Nothing is started: only the strings
 * the functions' environments hold.
 */
final class FunctionArtifacts {

    private FunctionArtifacts() {}

    static List<FunctionArtifact> fromProjectTemplate(URI unusedGateway, URI unusedQueues) {
        Path templateFile = TemplateFiles.findFromWorkingDirectory();
        CloudFormationTemplate template = CloudFormationTemplate.load(templateFile);
        IntrinsicResolver planned = IntrinsicResolver.builder(template).parameter("Stage", "local").build();
        IntrinsicResolver resolver = planned.withParameters(sandboxParameters(unusedGateway))
                .withPhysicalIds(queuesAt(template, planned.physicalIds(), unusedQueues));
        Path root = templateFile.toAbsolutePath().getParent();
        return FunctionSpecs.read(template, resolver).stream()
                .map(spec -> new FunctionArtifact(spec.logicalId(), spec.functionName(), spec.handler(),
                        spec.handlerClass(), spec.memorySize(), root.resolve(spec.codeUri()).normalize(),
                        spec.environment()))
                .toList();
    }

    /** What LocalStack passes: the sandboxes' URLs (secrets are not parameters: functions get their ARNs). */
    private static Map<String, String> sandboxParameters(URI gateway) {
        Map<String, String> parameters = new LinkedHashMap<>(LinkSandbox.templateParameters(gateway));
        parameters.putAll(SesSandbox.templateParameters(gateway));
        parameters.putAll(LinkConversationsSandbox.templateParameters(gateway));
        parameters.putAll(MakeSandbox.templateParameters(gateway));
        parameters.putAll(LandingParameters.templateParameters(gateway));
        parameters.putAll(VippsSandbox.templateParameters(gateway));
        return parameters;
    }

    /** Queue URLs as the SQS emulator makes them ({@code http://host:port/<account>/<name>}); the rest as planned. */
    private static PhysicalIds queuesAt(CloudFormationTemplate template, PhysicalIds planned, URI queues) {
        return new PhysicalIds() {
            @Override
            public Optional<String> ref(String logicalId) {
                boolean queue = template.resource(logicalId).filter(r -> r.isOfType(ResourceTypes.QUEUE)).isPresent();
                return queue
                        ? planned.getAtt(logicalId, "QueueName").map(name -> queues.resolve("/000000000000/" + name)
                                .toString())
                        : planned.ref(logicalId);
            }

            @Override
            public Optional<String> getAtt(String logicalId, String attribute) {
                return planned.getAtt(logicalId, attribute);
            }
        };
    }
}
