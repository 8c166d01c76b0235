package no.dialog.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class SqsEventSourceMappingTest {

  private static TestSqs sqs;
  private final List<SqsEventSourceMapping> mappings = new ArrayList<>();

  @BeforeAll
  static void startSqs() {
    TestLogging.quiet();
    sqs = TestSqs.start();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
  }

  @AfterEach
  void closeMappings() {
    mappings.forEach(SqsEventSourceMapping::close);
  }

  @Test
  void deliversABatchAsLambdaWouldAndDeletesIt() {
    String queueUrl = sqs.createQueue("deliver");
    String queueArn = sqs.arn(queueUrl);
    sqs.client().sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"contactId\":\"c-1\"}")
        .messageAttributes(Map.of(
            "tenant", MessageAttributeValue.builder().dataType("String").stringValue("demo").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromUtf8String("bytes")).build())));
    FakeFunction function = new FakeFunction("dialog-journeys-local", (event, context) -> null);

    SqsEventSourceMapping mapping = start(SqsEventSourceSettings.defaults(queueUrl, queueArn), function);

    Await.until("the message is handled and deleted", () -> mapping.stats().messagesDeleted() == 1);
    assertThat(sqs.messagesOnQueue(queueUrl)).isZero();
    SQSEvent.SQSMessage record = ((SQSEvent) function.events().get(0)).getRecords().get(0);
    assertThat(record.getBody()).isEqualTo("{\"contactId\":\"c-1\"}");
    assertThat(record.getMessageId()).isNotBlank();
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).isNotBlank();
    assertThat(record.getMd5OfMessageAttributes()).isNotBlank();
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(queueArn);
    assertThat(record.getAwsRegion()).isEqualTo("eu-north-1");
    assertThat(record.getAttributes()).containsKeys(
        "ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
    assertThat(record.getAttributes().get("ApproximateReceiveCount")).isEqualTo("1");
    SQSEvent.MessageAttribute tenant = record.getMessageAttributes().get("tenant");
    assertThat(tenant.getDataType()).isEqualTo("String");
    assertThat(tenant.getStringValue()).isEqualTo("demo");
    assertThat(tenant.getStringListValues()).isEmpty();
    SQSEvent.MessageAttribute blob = record.getMessageAttributes().get("blob");
    assertThat(blob.getDataType()).isEqualTo("Binary");
    assertThat(StandardCharsets.UTF_8.decode(blob.getBinaryValue()).toString()).isEqualTo("bytes");
    assertThat(function.contexts().get(0).getInvokedFunctionArn())
        .isEqualTo("arn:aws:lambda:eu-north-1:000000000000:function:dialog-journeys-local");
    assertThat(mapping.stats().messagesFailed()).isZero();
  }

  @Test
  void aReportedFailureStaysOnTheQueueComesBackAndEndsInTheDlq() {
    String dlqUrl = sqs.createQueue("partial-dlq");
    String queueUrl = sqs.createQueueWithDlq("partial", dlqUrl, 2, 1);
    sendBodies(queueUrl, List.of("ok-1", "fail", "ok-2"));
    FakeFunction function = new FakeFunction("dialog-send-sms-local", (event, context) -> {
      List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SQSEvent.SQSMessage record : ((SQSEvent) event).getRecords()) {
        if (record.getBody().equals("fail")) {
          failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    });

    SqsEventSourceMapping mapping = start(SqsEventSourceSettings.builder(queueUrl, sqs.arn(queueUrl))
        .reportBatchItemFailures(true)
        .build(), function);

    Await.until("the failed message is in the DLQ", () -> sqs.messagesOnQueue(dlqUrl) == 1);
    Await.until("the others are deleted", () -> mapping.stats().messagesDeleted() == 2);
    assertThat(sqs.messagesOnQueue(queueUrl)).isZero();
    List<SQSEvent.SQSMessage> delivered = records(function);
    assertThat(delivered).filteredOn(r -> r.getBody().startsWith("ok")).hasSize(2);
    assertThat(delivered).filteredOn(r -> r.getBody().equals("fail"))
        .extracting(r -> r.getAttributes().get("ApproximateReceiveCount"))
        .containsExactly("1", "2");
    assertThat(sqs.receiveNow(dlqUrl)).extracting(Message::body).containsExactly("fail");
    assertThat(mapping.stats().messagesDeleted()).isEqualTo(2);
    assertThat(mapping.stats().messagesFailed()).isEqualTo(2);
  }

  @Test
  void whenTheFunctionThrowsNothingIsDeleted() {
    String queueUrl = sqs.createQueue("throws", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
    sendBodies(queueUrl, List.of("a", "b"));
    FakeFunction function = new FakeFunction("dialog-sync-local", (event, context) -> {
      throw new IllegalStateException("the database is down");
    });

    SqsEventSourceMapping mapping = start(SqsEventSourceSettings.builder(queueUrl, sqs.arn(queueUrl))
        .reportBatchItemFailures(true)
        .build(), function);

    Await.until("both messages were delivered twice", () -> records(function).stream()
        .filter(r -> r.getAttributes().get("ApproximateReceiveCount").equals("2")).count() == 2);
    mapping.close();
    assertThat(sqs.messagesOnQueue(queueUrl)).isEqualTo(2);
    assertThat(mapping.stats().messagesDeleted()).isZero();
    assertThat(mapping.stats().invocationErrors()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void withoutPartialBatchResponsesANormalReturnDeletesTheWholeBatch() {
    String queueUrl = sqs.createQueue("ignored-response");
    sendBodies(queueUrl, List.of("x", "y"));
    FakeFunction function = new FakeFunction("dialog-journeys-local", (event, context) -> {
      SQSEvent.SQSMessage first = ((SQSEvent) event).getRecords().get(0);
      return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(first.getMessageId())));
    });

    start(SqsEventSourceSettings.defaults(queueUrl, sqs.arn(queueUrl)), function);

    Await.until("the queue is empty", () -> records(function).size() == 2 && sqs.messagesOnQueue(queueUrl) == 0);
  }

  @Test
  void aBatchAboveTenIsGatheredOverTheWindow() {
    String queueUrl = sqs.createQueue("big-batch");
    sendBodies(queueUrl, IntStream.rangeClosed(1, 25).mapToObj(i -> "m-" + i).toList());
    FakeFunction function = new FakeFunction("dialog-segmentation-local", (event, context) -> null);

    SqsEventSourceMapping mapping = start(SqsEventSourceSettings.builder(queueUrl, sqs.arn(queueUrl))
        .batchSize(25)
        .maximumBatchingWindow(Duration.ofSeconds(1))
        .maximumConcurrency(1)
        .build(), function);

    Await.until("all 25 are deleted", () -> mapping.stats().messagesDeleted() == 25);
    assertThat(function.events()).hasSize(1);
    assertThat(((SQSEvent) function.events().get(0)).getRecords()).hasSize(25);
  }

  @Test
  void aPollErrorIsCountedAndRetriedAndCloseStillStopsThePollers() {
    String queueUrl = sqs.createQueue("goes-away");
    String queueArn = sqs.arn(queueUrl);
    sqs.client().deleteQueue(b -> b.queueUrl(queueUrl));
    FakeFunction function = new FakeFunction("dialog-journeys-local", (event, context) -> null);

    SqsEventSourceMapping mapping = start(SqsEventSourceSettings.defaults(queueUrl, queueArn), function);

    Await.until("a poll error is counted", () -> mapping.stats().pollErrors() >= 2);
    mapping.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("sqs-goes-away-to-"));
    assertThat(function.events()).isEmpty();
  }

  private SqsEventSourceMapping start(SqsEventSourceSettings settings, LocalFunction function) {
    SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs.client(), settings, function);
    mappings.add(mapping);
    mapping.start();
    return mapping;
  }

  private static void sendBodies(String queueUrl, List<String> bodies) {
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
      }
      sqs.client().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    }
  }

  private static List<SQSEvent.SQSMessage> records(FakeFunction function) {
    return function.events().stream().flatMap(event -> ((SQSEvent) event).getRecords().stream()).toList();
  }
}
