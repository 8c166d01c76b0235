package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

class SqsEmulatorTest {

    private static SqsClient sqs;

    @BeforeAll
    static void client() {
        sqs = SharedEmulators.get().sqs();
    }

    @Test
    void queueUrlCarriesTheRealPort() {
        String queueUrl = createQueue(Map.of());

        assertThat(queueUrl).startsWith(SharedEmulators.get().sqsEndpoint() + "/");
    }

    @Test
    void sendReceiveDelete() {
        String queueUrl = createQueue(Map.of());
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("hello"));

        Message message = receiveOne(queueUrl);
        sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));

        assertThat(message.body()).isEqualTo("hello");
        assertThat(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)).messages()).isEmpty();
    }

    @Test
    void messageReceivedMaxReceiveCountTimesMovesToDeadLetterQueue() {
        String deadLetterUrl = createQueue(Map.of());
        String deadLetterArn = sqs.getQueueAttributes(get -> get.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = createQueue(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + deadLetterArn + "\"}"));
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("poison"));

        // Receive without deleting until the message has moved; each receive waits out the visibility timeout.
        List<String> receiveCounts = new ArrayList<>();
        List<Message> dead = List.of();
        for (int attempt = 0; attempt < 20 && dead.isEmpty(); attempt++) {
            sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().forEach(message -> receiveCounts.add(
                            message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
            dead = sqs.receiveMessage(receive -> receive.queueUrl(deadLetterUrl)).messages();
        }

        assertThat(receiveCounts).containsExactly("1", "2");
        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(deadLetterArn).isEqualTo(
                "arn:aws:sqs:" + AwsLocal.REGION.id() + ":" + AwsLocal.ACCOUNT_ID + ":" + queueName(deadLetterUrl));
    }

    @Test
    void messageAttributesRoundTrip() {
        String queueUrl = createQueue(Map.of());
        Map<String, MessageAttributeValue> attributes = Map.of(
                "journeyId", MessageAttributeValue.builder().dataType("String").stringValue("j-42").build(),
                "attempt", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "payload", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("bytes")).build());
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("with attributes").messageAttributes(attributes));

        Message message = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5)
                .messageAttributeNames("All")).messages().get(0);

        assertThat(message.messageAttributes()).isEqualTo(attributes);
    }

    @Test
    void delayedMessageIsHiddenUntilTheDelayHasPassed() {
        String queueUrl = createQueue(Map.of());
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("later").delaySeconds(2));

        List<Message> immediately = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)).messages();
        Message later = receiveOne(queueUrl);

        assertThat(immediately).isEmpty();
        assertThat(later.body()).isEqualTo("later");
    }

    @Test
    void changeMessageVisibilityMakesMessageVisibleAgain() {
        String queueUrl = createQueue(Map.of());
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody("retry me"));
        Message first = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5)
                .visibilityTimeout(300)).messages().get(0);

        sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                .receiptHandle(first.receiptHandle()).visibilityTimeout(0));
        Message second = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages().get(0);

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
    }

    @Test
    void batchSendOfTen() {
        String queueUrl = createQueue(Map.of());
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("body " + i).build())
                .toList();

        SendMessageBatchResponse sent = sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entries));
        List<String> bodies = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && bodies.size() < 10; attempt++) {
            sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().forEach(message -> bodies.add(message.body()));
        }

        assertThat(sent.successful()).hasSize(10);
        assertThat(sent.failed()).isEmpty();
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 10).mapToObj(i -> "body " + i).toList());
    }

    private static String createQueue(Map<QueueAttributeName, String> attributes) {
        String name = "queue-" + UUID.randomUUID();
        return sqs.createQueue(create -> create.queueName(name).attributes(attributes)).queueUrl();
    }

    /** Long-polls until one message arrives; fails the test if none does within the poll. */
    private static Message receiveOne(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(10))
                .messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String queueName(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }
}
