package no.dialog.local.template;

import java.util.List;
import java.util.Locale;

/**
 * An S3 bucket and the queue notifications it sends when objects change.
 *
 * @param logicalId          the key under {@code Resources}
 * @param bucketName         the resolved {@code BucketName}
 * @param queueNotifications {@code NotificationConfiguration.QueueConfigurations}
 */
public record BucketSpec(String logicalId, String bucketName, List<QueueNotification> queueNotifications) {

    /**
     * One queue notification: which events, to which queue, for which keys.
     *
     * @param event          e.g. {@code s3:ObjectCreated:*}
     * @param queueLogicalId the target queue
     * @param filterRules    {@code prefix}/{@code suffix} rules on the object key; all must match
     */
    public record QueueNotification(String event, String queueLogicalId, List<FilterRule> filterRules) {

        /**
         * Whether an event (e.g. {@code s3:ObjectCreated:Put}; the {@code s3:} prefix is optional) on a key
         * should be sent to the queue.
         */
        public boolean matches(String eventName, String key) {
            return eventMatches(eventName) && filterRules.stream().allMatch(rule -> rule.matches(key));
        }

        private boolean eventMatches(String eventName) {
            String wanted = withoutS3Prefix(event);
            String actual = withoutS3Prefix(eventName);
            return wanted.endsWith("*") ? actual.startsWith(wanted.substring(0, wanted.length() - 1))
                    : wanted.equals(actual);
        }

        private static String withoutS3Prefix(String name) {
            return name.startsWith("s3:") ? name.substring(3) : name;
        }
    }

    /**
     * A key filter: {@code name} is {@code prefix} or {@code suffix} (any case, as S3 accepts).
     *
     * @param name  {@code prefix} or {@code suffix}
     * @param value what the key must start or end with
     */
    public record FilterRule(String name, String value) {

        public boolean matches(String key) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "prefix" -> key.startsWith(value);
                case "suffix" -> key.endsWith(value);
                default -> throw new TemplateException("S3 filter rule '" + name + "' is not prefix or suffix");
            };
        }
    }
}
