package no.dialog.aws.send;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SendAttempt;
import no.dialog.core.send.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch from a channel's send queue, message by message ({@link QueueBatches}), for every sender
 * function (send-sms, send-email, ...):
 * <ul>
 *   <li>a request that can never be sent goes to the channel's DLQ with its reason;</li>
 *   <li>one the provider could not take now is reported as a batch item failure, and its visibility is
 *       stretched first (30 s, 60 s, 120 s ... up to 15 minutes) so retries back off;</li>
 *   <li>one that may not go yet (quiet hours) is put back on the queue, delayed until it may (SQS delays
 *       at most 15 minutes, so a long wait comes back and is delayed again);</li>
 *   <li>everything else is settled in the send ledger by {@link OnceSender}.</li>
 * </ul>
 */
public final class SendQueueProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SendQueueProcessor.class);
    private static final int FIRST_BACKOFF_SECONDS = 30;
    private static final int MAX_VISIBILITY_SECONDS = 900;

    private final OnceSender<?> sender;
    private final SendQueues queues;
    private final Metrics metrics;
    private final SqsClient sqs;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;
    private final String function;
    private final String queueUrl;

    /** The queue a deferred request goes back to; {@link SqsSendQueues} in the functions. */
    public interface SendQueues {
        void enqueueLater(SendRequest request, int delaySeconds);
    }

    /**
     * @param queueUrl the channel queue the function reads (for stretching a failed message's visibility)
     * @param dlqUrl   the channel queue's DLQ
     */
    public SendQueueProcessor(String function, OnceSender<?> sender, SendQueues queues, Metrics metrics, SqsClient sqs,
                              Clock clock, String queueUrl, String dlqUrl, int maxReceiveCount) {
        this.function = function;
        this.queueUrl = queueUrl;
        this.sender = sender;
        this.queues = queues;
        this.metrics = metrics;
        this.sqs = sqs;
        this.clock = clock;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    /** Message by message, one {@link OnceSender#send} each. */
    public SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, this::handle);
    }

    /**
     * The whole batch through {@link OnceSender#sendAll} (contacts in one read, one provider call), then
     * message by message exactly as {@link #process} would: each message's own outcome decides whether it
     * goes to the DLQ (with its reason), is reported as a batch item failure (with backoff), or is done.
     */
    public SQSBatchResponse processBatch(SQSEvent event) {
        List<SendRequest> requests = new ArrayList<>();
        Map<String, RuntimeException> unreadable = new HashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                requests.add(parse(message.getBody()));
            } catch (PermanentFailure e) {
                unreadable.put(message.getMessageId(), e);
            }
        }
        List<SendAttempt> attempts = requests.isEmpty() ? List.of() : sender.sendAll(requests);
        Iterator<SendAttempt> next = attempts.iterator();
        Map<String, SendAttempt> byMessage = new HashMap<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (!unreadable.containsKey(message.getMessageId())) {
                byMessage.put(message.getMessageId(), next.next());
            }
        }
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> {
            RuntimeException parseFailure = unreadable.get(message.getMessageId());
            if (parseFailure != null) {
                throw parseFailure;
            }
            SendAttempt attempt = byMessage.get(message.getMessageId());
            MDC.put(LogKeys.TENANT, attempt.request().tenant());
            if (attempt.failed()) {
                if (attempt.failure() instanceof ProviderUnavailable) {
                    backOff(message);
                }
                throw attempt.failure();
            }
            finish(attempt.request(), attempt.result());
        });
    }

    private void handle(SQSEvent.SQSMessage message) {
        SendRequest request = parse(message.getBody());
        MDC.put(LogKeys.TENANT, request.tenant());
        SendResult result;
        try {
            result = sender.send(request);
        } catch (ProviderUnavailable e) {
            backOff(message);
            throw e;
        }
        finish(request, result);
    }

    private void finish(SendRequest request, SendResult result) {
        if (result.notBefore() != null) {
            long seconds = Duration.between(clock.instant(), result.notBefore()).toSeconds();
            queues.enqueueLater(request, (int) Math.max(1, Math.min(MAX_VISIBILITY_SECONDS, seconds)));
        }
        // The key is made of opaque ids (tenant, enrolment, step, visit): safe to log.
        LOG.info("{} {}: {}", sender.channel().jsonName(), request.idempotencyKey(), result.outcome());
        metrics.count(Map.of("function", function, "tenant", request.tenant()),
                Map.of(metricName(result), 1L));
    }

    /** Stretches the message's visibility so the next delivery comes later each time (exponential backoff). */
    private void backOff(SQSEvent.SQSMessage message) {
        String receipt = message.getReceiptHandle();
        if (receipt == null) {
            return;
        }
        int received = Integer.parseInt(message.getAttributes() == null ? "1"
                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        int seconds = (int) Math.min(MAX_VISIBILITY_SECONDS, (long) FIRST_BACKOFF_SECONDS << Math.min(10, received - 1));
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receipt)
                    .visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            // The default visibility timeout still brings it back; backoff is a courtesy to the provider.
            LOG.warn("could not stretch the visibility of a failed send ({})", e.getClass().getSimpleName());
        }
    }

    private String metricName(SendResult result) {
        StringBuilder camel = new StringBuilder(capitalised(sender.channel().jsonName()));
        for (String word : result.outcome().name().split("_")) {
            camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return camel.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static SendRequest parse(String body) {
        try {
            return SqsSendQueues.read(body);
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson's message can quote the body; the type and location are enough to find the problem.
            throw new PermanentFailure("the message body is not a send request (" + e.getClass().getSimpleName() + ")");
        }
    }
}
