package no.dialog.local.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** Reads an {@code AWS::SQS::Queue} into a {@link QueueSpec}. */
final class QueueSpecReader {

    private QueueSpecReader() {
    }

    static QueueSpec read(TemplateResource resource, String queueName, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        return new QueueSpec(
                resource.logicalId(),
                queueName,
                properties.integer("VisibilityTimeout", QueueSpec.DEFAULT_VISIBILITY_TIMEOUT),
                properties.integer("MessageRetentionPeriod", QueueSpec.DEFAULT_MESSAGE_RETENTION_PERIOD),
                properties.integer("DelaySeconds", 0),
                properties.bool("FifoQueue", false),
                properties.bool("ContentBasedDeduplication", false),
                redrive(properties, resolver).orElse(null));
    }

    private static Optional<QueueSpec.Redrive> redrive(PropertyReader properties, IntrinsicResolver resolver) {
        if (!properties.has("RedrivePolicy")) {
            return Optional.empty();
        }
        // CloudFormation takes the policy as a map or as JSON text.
        PropertyReader policy = properties.raw("RedrivePolicy") instanceof String json
                ? new PropertyReader(parseJson(json, properties.path("RedrivePolicy")),
                        properties.path("RedrivePolicy"), resolver)
                : properties.object("RedrivePolicy").orElseThrow();
        String deadLetterQueue = policy.referencedResource("deadLetterTargetArn", ResourceTypes.QUEUE)
                .orElseThrow(() -> new TemplateException(policy.path("deadLetterTargetArn") + " is required"));
        int maxReceiveCount = policy.integer("maxReceiveCount")
                .orElseThrow(() -> new TemplateException(policy.path("maxReceiveCount") + " is required"));
        return Optional.of(new QueueSpec.Redrive(deadLetterQueue, maxReceiveCount));
    }

    private static Map<String, Object> parseJson(String json, String path) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new TemplateException(path + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
