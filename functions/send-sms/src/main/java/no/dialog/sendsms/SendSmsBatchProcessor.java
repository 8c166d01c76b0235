package no.dialog.sendsms;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.SendOutcome;
import no.dialog.core.send.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch from the SMS channel queue, message by message ({@link QueueBatches}): a request that can
 * never be sent goes to {@code SendSmsDLQ} with its reason; one the provider could not take now is
 * reported as a batch item failure so SQS delivers it again; everything else is settled in the send
 * ledger. Messages are sent one after the other: LINK answers in tens of milliseconds, and a batch is
 * at most 10.
 */
@Singleton
public class SendSmsBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SendSmsBatchProcessor.class);

    private final SmsSender sender;
    private final Metrics metrics;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    public SendSmsBatchProcessor(SmsSender sender, Metrics metrics, SqsClient sqs, Clock clock,
            @Value("${send.sms.dlq.url}") String dlqUrl,
            @Value("${send-sms.max-receive-count:5}") int maxReceiveCount) {
        this.sender = sender;
        this.metrics = metrics;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    public SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> handle(message.getBody()));
    }

    private void handle(String body) {
        SendRequest request = parse(body);
        MDC.put(LogKeys.TENANT, request.tenant());
        SendOutcome outcome = sender.send(request);
        // The key is made of opaque ids (tenant, enrolment, step, visit): safe to log.
        LOG.info("sms {}: {}", request.idempotencyKey(), outcome);
        metrics.count(Map.of("function", "send-sms", "tenant", request.tenant()), Map.of("Sms" + name(outcome), 1L));
    }

    private static SendRequest parse(String body) {
        try {
            return SqsSendQueues.read(body);
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson's message can quote the body; the type and location are enough to find the problem.
            throw new PermanentFailure("the message body is not a send request (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String name(SendOutcome outcome) {
        StringBuilder camel = new StringBuilder();
        for (String word : outcome.name().split("_")) {
            camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return camel.toString();
    }
}
