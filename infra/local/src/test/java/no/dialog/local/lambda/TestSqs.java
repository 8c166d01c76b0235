package no.dialog.local.lambda;

import no.dialog.emulators.SharedEmulators;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SQS for these tests: the shared ElasticMQ of the test JVM (the real SQS protocol), and helpers. */
final class TestSqs implements AutoCloseable {

  private final SqsClient client;

  private TestSqs(SqsClient client) {
    this.client = client;
  }

  static TestSqs start() {
    return new TestSqs(SharedEmulators.get().sqs());
  }

  SqsClient client() {
    return client;
  }

  /** Creates a queue and returns its URL. */
  String createQueue(String name, Map<QueueAttributeName, String> attributes) {
    return client.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  String createQueue(String name) {
    return createQueue(name, Map.of());
  }

  /** Creates a queue whose failed messages move to the given DLQ after maxReceiveCount receives. */
  String createQueueWithDlq(String name, String dlqUrl, int maxReceiveCount, int visibilityTimeoutSeconds) {
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds));
    attributes.put(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + arn(dlqUrl) + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}");
    return createQueue(name, attributes);
  }

  String arn(String queueUrl) {
    return client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  /** Visible plus in-flight messages. */
  int messagesOnQueue(String queueUrl) {
    Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  List<Message> receiveNow(String queueUrl) {
    return client.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
  }

  @Override
  public void close() {
    // The emulators are shared by the test JVM and stopped by its shutdown hook.
  }
}
