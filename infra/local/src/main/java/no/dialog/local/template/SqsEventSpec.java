package no.dialog.local.template;

/**
 * An SQS event source: the function is called with batches of messages from a queue.
 *
 * @param name                           the key under {@code Events}
 * @param queueLogicalId                 the queue
 * @param batchSize                      most messages per call (default 10)
 * @param maximumBatchingWindowInSeconds how long to gather a batch (default 0)
 * @param reportBatchItemFailures        whether the function reports failed messages one by one
 *                                       ({@code FunctionResponseTypes: [ReportBatchItemFailures]})
 * @param enabled                        whether the mapping is enabled (default true)
 * @param maximumConcurrency             {@code ScalingConfig.MaximumConcurrency}, or {@code null} for no limit
 */
public record SqsEventSpec(
        String name,
        String queueLogicalId,
        int batchSize,
        int maximumBatchingWindowInSeconds,
        boolean reportBatchItemFailures,
        boolean enabled,
        Integer maximumConcurrency) implements FunctionEventSpec {

    public static final int DEFAULT_BATCH_SIZE = 10;
}
