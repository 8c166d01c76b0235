package no.dialog.aws.sqs;

import java.time.Clock;
import java.util.Map;
import no.dialog.core.messaging.DeadLetters;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends a message that can never succeed to its queue's dead-letter queue itself, with the reason as a
 * message attribute ({@code dialog-failure-reason}), so the console and operators see why. (SQS's own
 * redrive, after maxReceiveCount, stays as the safety net for crashes, but it cannot carry a reason.)
 */
public class SqsDeadLetters implements DeadLetters {

    public static final String REASON_ATTRIBUTE = "dialog-failure-reason";
    public static final String FAILED_AT_ATTRIBUTE = "dialog-failed-at";

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final Clock clock;

    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl, Clock clock) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.clock = clock;
    }

    @Override
    public void deadLetter(String originalBody, String reason) {
        String shortReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(originalBody).messageAttributes(Map.of(
                REASON_ATTRIBUTE, text(shortReason),
                FAILED_AT_ATTRIBUTE, text(clock.instant().toString()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
