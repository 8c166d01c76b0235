package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;

/** Reads an {@code AWS::S3::Bucket} and its queue notifications into a {@link BucketSpec}. */
final class BucketSpecReader {

    private BucketSpecReader() {
    }

    static BucketSpec read(TemplateResource resource, String bucketName, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        List<BucketSpec.QueueNotification> notifications = new ArrayList<>();
        properties.object("NotificationConfiguration").ifPresent(configuration -> {
            for (PropertyReader queue : configuration.objects("QueueConfigurations")) {
                notifications.add(new BucketSpec.QueueNotification(
                        queue.requiredString("Event"),
                        queue.referencedResource("Queue", ResourceTypes.QUEUE).orElseThrow(
                                () -> new TemplateException(queue.path("Queue") + " is required")),
                        filterRules(queue)));
            }
        });
        return new BucketSpec(resource.logicalId(), bucketName, List.copyOf(notifications));
    }

    private static List<BucketSpec.FilterRule> filterRules(PropertyReader notification) {
        return notification.object("Filter")
                .flatMap(filter -> filter.object("S3Key"))
                .map(key -> key.objects("Rules").stream()
                        .map(rule -> new BucketSpec.FilterRule(rule.requiredString("Name"), rule.requiredString("Value")))
                        .toList())
                .orElse(List.of());
    }
}
