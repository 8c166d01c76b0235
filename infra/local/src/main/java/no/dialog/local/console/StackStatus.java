package no.dialog.local.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.provision.LocalResources;
import no.dialog.local.template.QueueSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Reads what the console shows: tenants and their contact counts, queue depths, dead letters. */
public final class StackStatus {

    /** A tenant and how many contacts Dialog holds for it. */
    public record TenantRow(String tenant, String name, long contacts) {}

    /** A queue's depth; {@code deadLetters} holds a peek at a DLQ's messages. */
    public record QueueRow(String logicalId, String name, boolean deadLetterQueue, long visible, long inFlight,
            long delayed, List<DeadLetter> deadLetters) {}

    /** One message in a DLQ: when it failed, why, and the first characters of its body. */
    public record DeadLetter(String messageId, String reason, String failedAt, String bodyStart) {}

    private final LocalResources resources;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final ContactStore contacts;

    public StackStatus(LocalResources resources, DynamoDbClient dynamoDb, SqsClient sqs, ContactStore contacts) {
        this.resources = resources;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.contacts = contacts;
    }

    public List<TenantRow> tenants() {
        String table = resources.requireTableName("TenantsTable");
        List<TenantRow> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(table)).items()) {
            String tenant = item.get("tenant").s();
            rows.add(new TenantRow(tenant, item.containsKey("name") ? item.get("name").s() : tenant,
                    contacts.count(TenantId.of(tenant))));
        }
        return rows;
    }

    public List<QueueRow> queues() {
        List<String> deadLetterQueues = resources.stack().queues().stream()
                .flatMap(q -> q.redrivePolicy().stream()).map(QueueSpec.Redrive::deadLetterQueueLogicalId).toList();
        List<QueueRow> rows = new ArrayList<>();
        for (QueueSpec queue : resources.stack().queues()) {
            String url = resources.requireQueueUrl(queue.logicalId());
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            boolean dlq = deadLetterQueues.contains(queue.logicalId());
            rows.add(new QueueRow(queue.logicalId(), queue.queueName(), dlq,
                    number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                    number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                    number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)),
                    dlq ? peek(url) : List.of()));
        }
        return rows;
    }

    /** Looks at up to ten messages without taking them (visibility timeout 0 leaves them in place). */
    private List<DeadLetter> peek(String url) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages()) {
            var reason = m.messageAttributes().get("dialog-failure-reason");
            var failedAt = m.messageAttributes().get("dialog-failed-at");
            String body = m.body().length() > 160 ? m.body().substring(0, 160) + "…" : m.body();
            letters.add(new DeadLetter(m.messageId(),
                    reason == null ? "retries exhausted (moved by SQS redrive; no reason recorded)" : reason.stringValue(),
                    failedAt == null ? "" : failedAt.stringValue(), body));
        }
        return letters;
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
