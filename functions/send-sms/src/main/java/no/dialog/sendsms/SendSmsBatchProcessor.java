package no.dialog.sendsms;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.SmsMessage;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch from the SMS channel queue (up to 100, gathered over a second: template.yaml) through
 * {@link SendQueueProcessor#processBatch}: the contacts are read in one call, each key is taken with its
 * conditional intent write, and the taken messages go to LINK in one {@code /sms/sendbatch} call. Each
 * message keeps its own outcome: only the ones that failed are reported back to SQS, and those that can
 * never be sent go to the DLQ with their reason.
 */
@Singleton
public class SendSmsBatchProcessor {

    private final SendQueueProcessor processor;

    public SendSmsBatchProcessor(OnceSender<SmsMessage> sender, SqsSendQueues queues, Metrics metrics, SqsClient sqs,
            Clock clock, @Value("${send.sms.queue.url}") String queueUrl, @Value("${send.sms.dlq.url}") String dlqUrl,
            @Value("${send-sms.max-receive-count:5}") int maxReceiveCount) {
        this.processor = new SendQueueProcessor("send-sms", sender, queues::enqueueLater, metrics, sqs, clock, queueUrl, dlqUrl,
                maxReceiveCount);
    }

    public SQSBatchResponse process(SQSEvent event) {
        return processor.processBatch(event);
    }
}
