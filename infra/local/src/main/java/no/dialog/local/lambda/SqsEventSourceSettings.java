package no.dialog.local.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one SQS event source in {@code template.yaml} ({@code Events: X: Type: SQS}).
 *
 * <p>The limits are Lambda's own, checked here so a template that AWS would reject fails locally too,
 * with a message that names the setting.
 *
 * @param queueUrl the queue's URL at the local SQS endpoint
 * @param queueArn the queue's ARN, passed to the function as {@code eventSourceARN}
 * @param batchSize {@code BatchSize}: 1 to 10,000 records per invocation
 * @param maximumBatchingWindow {@code MaximumBatchingWindowInSeconds}: 0 to 300 s; how long to keep
 *     gathering records before invoking with a batch that is not full
 * @param reportBatchItemFailures whether {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}: how many batches may run at once
 *     (here: the number of pollers)
 */
public record SqsEventSourceSettings(
    String queueUrl,
    String queueArn,
    int batchSize,
    Duration maximumBatchingWindow,
    boolean reportBatchItemFailures,
    int maximumConcurrency) {

  /** Lambda's default batch size for SQS. */
  public static final int DEFAULT_BATCH_SIZE = 10;

  /** Lambda's minimum for {@code MaximumConcurrency}, used when the template sets none. */
  public static final int DEFAULT_MAXIMUM_CONCURRENCY = 2;

  private static final int MAX_BATCH_SIZE = 10_000;
  private static final Duration MAX_BATCHING_WINDOW = Duration.ofSeconds(300);

  public SqsEventSourceSettings {
    Objects.requireNonNull(queueUrl, "queueUrl");
    Objects.requireNonNull(queueArn, "queueArn");
    Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "BatchSize must be between 1 and " + MAX_BATCH_SIZE + " for " + queueArn + ", was " + batchSize);
    }
    if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(MAX_BATCHING_WINDOW) > 0) {
      throw new IllegalArgumentException("MaximumBatchingWindowInSeconds must be between 0 and 300 for "
          + queueArn + ", was " + maximumBatchingWindow.toSeconds());
    }
    // AWS refuses this combination too: one ReceiveMessage call returns at most 10 messages, so a
    // larger batch can only be gathered over a window.
    if (batchSize > 10 && maximumBatchingWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("A BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 for "
          + queueArn);
    }
    if (maximumConcurrency < 1) {
      throw new IllegalArgumentException(
          "MaximumConcurrency must be at least 1 for " + queueArn + ", was " + maximumConcurrency);
    }
  }

  /** Lambda's defaults: batch size 10, no batching window, no partial batch responses, two pollers. */
  public static SqsEventSourceSettings defaults(String queueUrl, String queueArn) {
    return builder(queueUrl, queueArn).build();
  }

  /** Starts from Lambda's defaults; the limits are checked once, in {@link Builder#build()}. */
  public static Builder builder(String queueUrl, String queueArn) {
    return new Builder(queueUrl, queueArn);
  }

  /** Collects the settings in any order, so combined rules (batch size above 10 needs a window) hold at the end. */
  public static final class Builder {
    private final String queueUrl;
    private final String queueArn;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration maximumBatchingWindow = Duration.ZERO;
    private boolean reportBatchItemFailures;
    private int maximumConcurrency = DEFAULT_MAXIMUM_CONCURRENCY;

    private Builder(String queueUrl, String queueArn) {
      this.queueUrl = queueUrl;
      this.queueArn = queueArn;
    }

    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    public Builder maximumBatchingWindow(Duration window) {
      this.maximumBatchingWindow = window;
      return this;
    }

    public Builder reportBatchItemFailures(boolean report) {
      this.reportBatchItemFailures = report;
      return this;
    }

    public Builder maximumConcurrency(int concurrency) {
      this.maximumConcurrency = concurrency;
      return this;
    }

    public SqsEventSourceSettings build() {
      return new SqsEventSourceSettings(
          queueUrl, queueArn, batchSize, maximumBatchingWindow, reportBatchItemFailures, maximumConcurrency);
    }
  }
}
