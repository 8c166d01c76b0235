package no.dialog.local.lambda;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An ElasticMQ server on a free port and an SDK client for it: the real SQS protocol, in this JVM. */
final class TestSqs implements AutoCloseable {

  private final SQSRestServer server;
  private final SqsClient client;

  private TestSqs(SQSRestServer server, SqsClient client) {
    this.server = server;
    this.client = client;
  }

  static TestSqs start() {
    SQSRestServer server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
    int port = server.waitUntilStarted().localAddress().getPort();
    SqsClient client = SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.EU_NORTH_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    return new TestSqs(server, client);
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
    client.close();
    server.stopAndWait();
  }
}
