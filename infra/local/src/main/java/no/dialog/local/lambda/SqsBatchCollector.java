package no.dialog.local.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Gathers one batch for an event-source mapping, the way Lambda's SQS pollers do.
 *
 * <p>It long-polls until at least one message arrives. With a batching window it then keeps receiving
 * until the batch is full or the window (counted from the first message) has passed; without one it
 * invokes with what the first receive returned. One {@code ReceiveMessage} returns at most ten
 * messages, which is why batches above ten need a window.
 */
final class SqsBatchCollector {

  /** The most messages SQS returns from one ReceiveMessage call. */
  static final int MAX_MESSAGES_PER_RECEIVE = 10;

  private static final Duration SHORT_POLL_PAUSE = Duration.ofMillis(50);

  private final SqsClient sqs;
  private final SqsEventSourceSettings settings;
  private final int pollWaitSeconds;

  /**
   * @param pollWaitSeconds the long-poll wait of each receive; kept short so a closing mapping stops
   *     quickly, at the price of a few more (free, local) empty receives
   */
  SqsBatchCollector(SqsClient sqs, SqsEventSourceSettings settings, int pollWaitSeconds) {
    this.sqs = sqs;
    this.settings = settings;
    this.pollWaitSeconds = pollWaitSeconds;
  }

  /** Returns the next batch, or an empty list when nothing arrived during one long poll. */
  List<Message> collect(BooleanSupplier stillRunning) throws InterruptedException {
    List<Message> batch = new ArrayList<>(receive(settings.batchSize(), pollWaitSeconds));
    if (batch.isEmpty()) {
      return batch;
    }
    long windowEnd = System.nanoTime() + settings.maximumBatchingWindow().toNanos();
    while (batch.size() < settings.batchSize() && stillRunning.getAsBoolean()) {
      long remainingNanos = windowEnd - System.nanoTime();
      if (remainingNanos <= 0) {
        break;
      }
      int waitSeconds = (int) Math.min(pollWaitSeconds, Duration.ofNanos(remainingNanos).toSeconds());
      List<Message> more = receive(settings.batchSize() - batch.size(), waitSeconds);
      batch.addAll(more);
      if (more.isEmpty() && waitSeconds == 0) {
        // Less than a second of window left: short polls, paced so they do not spin.
        Thread.sleep(Math.min(SHORT_POLL_PAUSE.toMillis(), Duration.ofNanos(remainingNanos).toMillis() + 1));
      }
    }
    return batch;
  }

  private List<Message> receive(int wanted, int waitSeconds) {
    ReceiveMessageRequest request = ReceiveMessageRequest.builder()
        .queueUrl(settings.queueUrl())
        .maxNumberOfMessages(Math.min(MAX_MESSAGES_PER_RECEIVE, wanted))
        .waitTimeSeconds(waitSeconds)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")
        .build();
    return sqs.receiveMessage(request).messages();
  }
}
