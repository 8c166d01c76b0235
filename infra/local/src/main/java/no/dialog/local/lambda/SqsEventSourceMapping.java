package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Feeds an SQS queue to a function, as a Lambda event-source mapping does.
 *
 * <p>{@link SqsEventSourceSettings#maximumConcurrency()} daemon threads each poll the queue, gather a
 * batch (see {@link SqsBatchCollector}), invoke the function with an {@link SQSEvent}, and then delete
 * what succeeded:
 * <ul>
 *   <li>the function returned and partial batch responses are off: the whole batch is deleted;</li>
 *   <li>the function returned and {@code ReportBatchItemFailures} is on: every message except the
 *       reported failures is deleted (see {@link BatchItemFailures} for how a response is read);</li>
 *   <li>the function threw: nothing is deleted.</li>
 * </ul>
 * Messages not deleted become visible again after the queue's visibility timeout, so the queue's own
 * RedrivePolicy moves them to the DLQ after {@code maxReceiveCount} receives, as in AWS.
 *
 * <p>Message bodies may hold personal data, so nothing here logs them.
 *
 * <p>Not done (as AWS does): FIFO ordering rules after a failure, the 6 MB payload cap per batch,
 * and scaling the number of pollers with the queue's backlog.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

  /** Long-poll wait of each receive: short, so {@link #close()} returns within about a second. */
  private static final int POLL_WAIT_SECONDS = 1;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
  private static final int MAX_DELETE_ENTRIES = 10;

  private final SqsClient sqs;
  private final SqsEventSourceSettings settings;
  private final LocalFunction function;
  private final SqsBatchCollector collector;
  private final String queueName;

  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final List<Thread> pollers = new ArrayList<>();
  private volatile boolean running;
  private boolean started;

  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong messagesReceived = new AtomicLong();
  private final AtomicLong messagesDeleted = new AtomicLong();
  private final AtomicLong messagesFailed = new AtomicLong();
  private final AtomicLong invocationErrors = new AtomicLong();
  private final AtomicLong pollErrors = new AtomicLong();

  public SqsEventSourceMapping(SqsClient sqs, SqsEventSourceSettings settings, LocalFunction function) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.function = Objects.requireNonNull(function, "function");
    this.collector = new SqsBatchCollector(sqs, settings, POLL_WAIT_SECONDS);
    this.queueName = settings.queueArn().substring(settings.queueArn().lastIndexOf(':') + 1);
  }

  /** Starts the pollers. A mapping starts once; after {@link #close()} make a new one. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("The mapping from " + queueName + " to " + function.name() + " was already started");
    }
    started = true;
    running = true;
    for (int i = 1; i <= settings.maximumConcurrency(); i++) {
      Thread poller = new Thread(this::pollUntilStopped, "sqs-" + queueName + "-to-" + function.name() + "-" + i);
      poller.setDaemon(true);
      pollers.add(poller);
      poller.start();
    }
    LOG.debug("Polling {} for {} with {} pollers", queueName, function.name(), pollers.size());
  }

  /**
   * Stops polling and waits (a few seconds at most) for batches in flight to finish. A batch whose
   * function is still running after that is left to its visibility timeout.
   */
  @Override
  public synchronized void close() {
    running = false;
    stopSignal.countDown();
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (Thread poller : pollers) {
      try {
        poller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (poller.isAlive()) {
        LOG.warn("Poller {} did not stop within {} s; interrupting it", poller.getName(), STOP_TIMEOUT.toSeconds());
        poller.interrupt();
      }
    }
  }

  public SqsEventSourceSettings settings() {
    return settings;
  }

  public String functionName() {
    return function.name();
  }

  /** The counters so far. */
  public SqsEventSourceStats stats() {
    return new SqsEventSourceStats(
        invocations.get(), messagesReceived.get(), messagesDeleted.get(),
        messagesFailed.get(), invocationErrors.get(), pollErrors.get());
  }

  private void pollUntilStopped() {
    Backoff backoff = new Backoff();
    while (running) {
      try {
        List<Message> batch = collector.collect(() -> running);
        backoff.reset();
        if (!batch.isEmpty() && running) {
          handle(batch);
        }
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        if (!running) {
          break; // typically the queue or the endpoint went away during shutdown
        }
        pollErrors.incrementAndGet();
        Duration pause = backoff.next();
        LOG.warn("Polling {} for {} failed ({}); retrying in {} ms",
            queueName, function.name(), e.toString(), pause.toMillis());
        if (awaitStop(pause)) {
          break;
        }
      }
    }
  }

  private void handle(List<Message> batch) {
    messagesReceived.addAndGet(batch.size());
    invocations.incrementAndGet();
    SQSEvent event = SqsEventFactory.toEvent(batch, settings.queueArn());
    Object result;
    try {
      result = function.invoke(event, LocalLambdaContext.forInvocationOf(function));
    } catch (Throwable failure) {
      rethrowIfFatal(failure);
      invocationErrors.incrementAndGet();
      messagesFailed.addAndGet(batch.size());
      LOG.error("{} failed on a batch of {} messages from {}; none deleted, they return after the visibility timeout",
          function.name(), batch.size(), queueName, failure);
      return;
    }
    BatchItemFailures failures = settings.reportBatchItemFailures()
        ? BatchItemFailures.fromResponse(result, messageIds(batch))
        : BatchItemFailures.none();
    if (failures.wholeBatchFailed()) {
      LOG.warn("{} reported a batch item failure without a valid itemIdentifier; as in AWS the whole batch of {} "
          + "from {} counts as failed", function.name(), batch.size(), queueName);
    }
    List<Message> succeeded = new ArrayList<>(batch.size());
    for (Message message : batch) {
      if (!failures.failed(message.messageId())) {
        succeeded.add(message);
      }
    }
    messagesFailed.addAndGet(batch.size() - succeeded.size());
    delete(succeeded);
  }

  private void delete(List<Message> messages) {
    for (int from = 0; from < messages.size(); from += MAX_DELETE_ENTRIES) {
      List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_DELETE_ENTRIES));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder()
            .id(Integer.toString(i))
            .receiptHandle(chunk.get(i).receiptHandle())
            .build());
      }
      DeleteMessageBatchResponse response = sqs.deleteMessageBatch(DeleteMessageBatchRequest.builder()
          .queueUrl(settings.queueUrl())
          .entries(entries)
          .build());
      messagesDeleted.addAndGet(response.successful().size());
      for (BatchResultErrorEntry error : response.failed()) {
        LOG.warn("Could not delete a handled message from {} ({}: {}); it will be delivered again",
            queueName, error.code(), error.message());
      }
    }
  }

  private static Set<String> messageIds(List<Message> batch) {
    Set<String> ids = new HashSet<>();
    batch.forEach(message -> ids.add(message.messageId()));
    return ids;
  }

  /** Waits for the pause or for close(); true when the mapping is stopping. */
  private boolean awaitStop(Duration pause) {
    try {
      return stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  // A handler's StackOverflowError or assertion failure is its own failure, and the poller must survive
  // it; running out of memory is not something a poller can recover from.
  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
      throw fatal;
    }
  }

  /** Exponential pause between failed polls: 100 ms doubling to 5 s, so an error never spins. */
  private static final class Backoff {
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);
    private Duration current = FIRST;

    Duration next() {
      Duration pause = current;
      current = current.multipliedBy(2).compareTo(MAX) > 0 ? MAX : current.multipliedBy(2);
      return pause;
    }

    void reset() {
      current = FIRST;
    }
  }
}
