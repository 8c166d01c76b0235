package no.dialog.local.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.local.template.QueueSpec;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Makes the SQS queues match their {@link QueueSpec}s: dead-letter queues first, then the queues that redrive
 * to them (with the dead-letter queue's real ARN). A queue that exists already gets only the attributes that
 * differ; FIFO-ness cannot change and is reported.
 */
final class QueueProvisioner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;

    QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Provisions all queues; returns them by logical id. */
    Map<String, ProvisionedQueue> provision(List<QueueSpec> queues, ProvisioningLog log) {
        Map<String, ProvisionedQueue> provisioned = new LinkedHashMap<>();
        for (QueueSpec spec : DeadLetterFirstOrder.order(queues)) {
            Map<QueueAttributeName, String> wanted = attributes(spec, provisioned);
            provisioned.put(spec.logicalId(), provision(spec, wanted, log));
        }
        return provisioned;
    }

    private ProvisionedQueue provision(QueueSpec spec, Map<QueueAttributeName, String> wanted, ProvisioningLog log) {
        Optional<String> existingUrl = queueUrl(spec.queueName());
        String url;
        if (existingUrl.isEmpty()) {
            Map<QueueAttributeName, String> creation = new LinkedHashMap<>(wanted);
            if (spec.fifo()) {
                creation.put(QueueAttributeName.FIFO_QUEUE, "true");
                creation.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(spec.contentBasedDeduplication()));
            }
            url = sqs.createQueue(r -> r.queueName(spec.queueName()).attributes(creation)).queueUrl();
            log.created(spec.logicalId(), spec.queueName(), "queue" + (spec.redrive() == null ? ""
                    : ", redrive to " + spec.redrive().deadLetterQueueLogicalId() + " after " + spec.redrive().maxReceiveCount()));
        } else {
            url = existingUrl.get();
            updateDifferingAttributes(spec, url, wanted, log);
        }
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedQueue(spec.logicalId(), spec.queueName(), url, arn);
    }

    private void updateDifferingAttributes(
            QueueSpec spec, String url, Map<QueueAttributeName, String> wanted, ProvisioningLog log) {
        Map<QueueAttributeName, String> current = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        boolean isFifo = Boolean.parseBoolean(current.getOrDefault(QueueAttributeName.FIFO_QUEUE, "false"));
        if (isFifo != spec.fifo()) {
            throw new ProvisioningException("Queue " + spec.queueName() + " (" + spec.logicalId() + ") exists "
                    + (isFifo ? "as" : "not as") + " a FIFO queue, but template.yaml says otherwise;"
                    + " SQS cannot change that, so delete the queue first");
        }
        Map<QueueAttributeName, String> changes = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            // An attribute the emulator does not report is one it does not keep (ElasticMQ ignores
            // MessageRetentionPeriod): setting it again would change nothing and make every run an "update".
            if (current.containsKey(name) && !sameValue(name, value, current.get(name))) {
                changes.put(name, value);
            }
        });
        if (changes.isEmpty()) {
            log.unchanged(spec.logicalId(), spec.queueName(), "queue exists");
            return;
        }
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(changes));
        log.updated(spec.logicalId(), spec.queueName(), "set " + changes.keySet());
    }

    private Map<QueueAttributeName, String> attributes(QueueSpec spec, Map<String, ProvisionedQueue> provisioned) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(spec.visibilityTimeout()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(spec.messageRetentionPeriod()));
        attributes.put(QueueAttributeName.DELAY_SECONDS, String.valueOf(spec.delaySeconds()));
        if (spec.redrive() != null) {
            // DeadLetterFirstOrder has provisioned the dead-letter queue already.
            ProvisionedQueue deadLetterQueue = provisioned.get(spec.redrive().deadLetterQueueLogicalId());
            ObjectNode policy = JSON.createObjectNode()
                    .put("deadLetterTargetArn", deadLetterQueue.arn())
                    .put("maxReceiveCount", spec.redrive().maxReceiveCount());
            attributes.put(QueueAttributeName.REDRIVE_POLICY, policy.toString());
        }
        return attributes;
    }

    /** Redrive policies are compared as JSON, since SQS may give numbers as text or the other way round. */
    private static boolean sameValue(QueueAttributeName name, String wanted, String current) {
        if (name != QueueAttributeName.REDRIVE_POLICY) {
            return wanted.equals(current);
        }
        try {
            JsonNode a = JSON.readTree(wanted);
            JsonNode b = JSON.readTree(current);
            return a.path("deadLetterTargetArn").asText().equals(b.path("deadLetterTargetArn").asText())
                    && a.path("maxReceiveCount").asText().equals(b.path("maxReceiveCount").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private Optional<String> queueUrl(String queueName) {
        try {
            return Optional.of(sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }
}
