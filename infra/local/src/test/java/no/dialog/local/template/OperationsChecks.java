package no.dialog.local.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operator needs from the template (docs/operations.md): an alarm on every dead-letter queue, on every
 * function's errors and throttles and on the age of the send and journey-steps queues, every alarm sent to one
 * SNS topic, a dashboard, and a concurrency limit on every function. Each method lists what is missing, in
 * words that name the resource, so a new queue or function without its alarms fails a test.
 */
final class OperationsChecks {

    static final String ALARM = "AWS::CloudWatch::Alarm";
    static final String TOPIC = "AWS::SNS::Topic";
    static final String DASHBOARD = "AWS::CloudWatch::Dashboard";

    private final CloudFormationTemplate template;

    OperationsChecks(CloudFormationTemplate template) {
        this.template = template;
    }

    /** Every queue named as a dead-letter target has an alarm on its visible messages. */
    List<String> deadLetterQueueAlarmProblems() {
        List<String> problems = new ArrayList<>();
        for (String dlq : deadLetterQueues()) {
            if (!hasAlarm("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", dlq)) {
                problems.add(dlq + ": dead-letter queue without an alarm on ApproximateNumberOfMessagesVisible");
            }
        }
        return problems;
    }

    /** The send queues (Send*) and the journey-steps queue alarm when their oldest message waits too long. */
    List<String> queueAgeAlarmProblems() {
        Set<String> dlqs = deadLetterQueues();
        List<String> problems = new ArrayList<>();
        for (TemplateResource queue : template.resourcesOfType(ResourceTypes.QUEUE)) {
            String id = queue.logicalId();
            boolean watched = (id.startsWith("Send") || id.equals("JourneyStepsQueue")) && !dlqs.contains(id);
            if (watched && !hasAlarm("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", id)) {
                problems.add(id + ": queue without an alarm on ApproximateAgeOfOldestMessage");
            }
        }
        return problems;
    }

    /** Every function has an Errors and a Throttles alarm. */
    List<String> functionAlarmProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION,
                ResourceTypes.LAMBDA_FUNCTION)) {
            for (String metric : List.of("Errors", "Throttles")) {
                if (!hasAlarm("AWS/Lambda", metric, "FunctionName", function.logicalId())) {
                    problems.add(function.logicalId() + ": function without an alarm on " + metric);
                }
            }
        }
        return problems;
    }

    /** Every alarm notifies the one alarm topic, so a subscription to that topic hears them all. */
    List<String> alarmTopicProblems() {
        List<TemplateResource> topics = template.resourcesOfType(TOPIC);
        if (topics.size() != 1) {
            return List.of("expected one SNS topic for the alarms, found " + topics.size());
        }
        String topic = topics.getFirst().logicalId();
        List<String> problems = new ArrayList<>();
        for (TemplateResource alarm : template.resourcesOfType(ALARM)) {
            List<?> actions = RawTree.list(alarm.properties().get("AlarmActions"));
            boolean notifies = actions.stream()
                    .anyMatch(action -> ResourceReferences.logicalIdOf(action).filter(topic::equals).isPresent());
            if (!notifies) {
                problems.add(alarm.logicalId() + ": alarm whose AlarmActions do not include " + topic);
            }
        }
        return problems;
    }

    List<String> dashboardProblems() {
        return template.resourcesOfType(DASHBOARD).isEmpty() ? List.of("the template has no CloudWatch dashboard")
                : List.of();
    }

    /**
     * Every function has a ceiling on its concurrency: {@code ReservedConcurrentExecutions}, or, for a function
     * that only reads queues, {@code ScalingConfig.MaximumConcurrency} on each of its SQS events.
     */
    List<String> concurrencyProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)) {
            if (function.properties().get("ReservedConcurrentExecutions") != null) {
                continue;
            }
            Map<?, ?> events = RawTree.map(function.properties().get("Events"));
            boolean onlyBoundedQueues = !events.isEmpty() && events.values().stream().allMatch(event ->
                    "SQS".equals(RawTree.get(event, "Type"))
                            && RawTree.get(event, "Properties", "ScalingConfig", "MaximumConcurrency") != null);
            if (!onlyBoundedQueues) {
                problems.add(function.logicalId() + ": function without ReservedConcurrentExecutions (or"
                        + " ScalingConfig.MaximumConcurrency on every SQS event, when it has only those)");
            }
        }
        return problems;
    }

    private Set<String> deadLetterQueues() {
        Set<String> dlqs = new HashSet<>();
        for (TemplateResource queue : template.resourcesOfType(ResourceTypes.QUEUE)) {
            ResourceReferences.logicalIdOf(RawTree.get(queue.properties(), "RedrivePolicy", "deadLetterTargetArn"))
                    .ifPresent(dlqs::add);
        }
        return dlqs;
    }

    private boolean hasAlarm(String namespace, String metric, String dimension, String logicalId) {
        return template.resourcesOfType(ALARM).stream().anyMatch(alarm ->
                namespace.equals(alarm.properties().get("Namespace"))
                        && metric.equals(alarm.properties().get("MetricName"))
                        && dimensionNames(alarm.properties().get("Dimensions"), dimension).contains(logicalId));
    }

    /** The logical ids a dimension's value refers to ({@code !Ref X} or {@code !GetAtt X.QueueName}). */
    private static Set<String> dimensionNames(Object dimensions, String name) {
        Set<String> ids = new HashSet<>();
        for (Object dimension : RawTree.list(dimensions)) {
            if (name.equals(RawTree.get(dimension, "Name"))) {
                ResourceReferences.logicalIdOf(RawTree.get(dimension, "Value")).ifPresent(ids::add);
            }
        }
        return ids;
    }
}
