package no.dialog.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one way Dialog's SQS functions handle a batch, message by message, with partial failures:
 * <ul>
 *   <li>a message that can never succeed ({@link PermanentFailure}) goes to its dead-letter queue at
 *       once with the reason, and counts as handled;</li>
 *   <li>any other failure is reported back so SQS delivers the message again; on its last allowed
 *       delivery it goes to the dead-letter queue with the reason instead, so that nothing reaches
 *       the DLQ without one.</li>
 * </ul>
 */
public final class QueueBatches {

    private static final Logger LOG = LoggerFactory.getLogger(QueueBatches.class);

    private QueueBatches() {}

    public static SQSBatchResponse process(SQSEvent event, int maxReceiveCount,
            Function<SQSEvent.SQSMessage, DeadLetters> deadLettersFor, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            // Each message is its own cause: its lines are found by its id, whichever invocation handled it.
            String invocationCorrelation = MDC.get(LogKeys.CORRELATION_ID);
            MDC.put(LogKeys.MESSAGE_ID, message.getMessageId());
            MDC.put(LogKeys.CORRELATION_ID, message.getMessageId());
            try {
                handler.accept(message);
            } catch (PermanentFailure e) {
                LOG.warn("message sent to the dead-letter queue: {}", e.getMessage());
                deadLettersFor.apply(message).deadLetter(message.getBody(), e.getMessage());
            } catch (RuntimeException e) {
                int received = receiveCount(message);
                if (received >= maxReceiveCount) {
                    String reason = "failed " + received + " times; last error: " + e.getClass().getSimpleName();
                    LOG.error("message sent to the dead-letter queue: {}", reason, e);
                    deadLettersFor.apply(message).deadLetter(message.getBody(), reason);
                } else {
                    LOG.warn("message failed; SQS will deliver it again", e);
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } finally {
                MDC.remove(LogKeys.MESSAGE_ID);
                MDC.remove(LogKeys.TENANT);
                MDC.remove(LogKeys.IMPORT_ID);
                if (invocationCorrelation == null) {
                    MDC.remove(LogKeys.CORRELATION_ID);
                } else {
                    MDC.put(LogKeys.CORRELATION_ID, invocationCorrelation);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Whether the message came from the queue with this URL (by the queue name in its source ARN). */
    public static boolean isFrom(SQSEvent.SQSMessage message, String queueUrl) {
        String arn = message.getEventSourceArn() == null ? "" : message.getEventSourceArn();
        return arn.endsWith(":" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
    }

    static int receiveCount(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
