package no.dialog.local.template;

import java.util.Optional;

/**
 * An SQS queue as the template declares it, with AWS's defaults filled in where the template is silent.
 *
 * @param logicalId                 the key under {@code Resources}
 * @param queueName                 the resolved name ({@code .fifo} at the end for FIFO queues)
 * @param visibilityTimeout         seconds a received message stays hidden (default 30)
 * @param messageRetentionPeriod    seconds a message is kept (default 345600, four days)
 * @param delaySeconds              seconds each new message is held back (default 0)
 * @param fifo                      whether this is a FIFO queue
 * @param contentBasedDeduplication FIFO only: deduplicate by body hash
 * @param redrive                   where messages go after too many receives, or {@code null}
 */
public record QueueSpec(
        String logicalId,
        String queueName,
        int visibilityTimeout,
        int messageRetentionPeriod,
        int delaySeconds,
        boolean fifo,
        boolean contentBasedDeduplication,
        Redrive redrive) {

    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    public static final int DEFAULT_MESSAGE_RETENTION_PERIOD = 345_600;

    /**
     * The queue's {@code RedrivePolicy}.
     *
     * @param deadLetterQueueLogicalId the logical id of the dead-letter queue
     * @param maxReceiveCount          receives after which a message moves there
     */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {
    }

    public Optional<Redrive> redrivePolicy() {
        return Optional.ofNullable(redrive);
    }
}
