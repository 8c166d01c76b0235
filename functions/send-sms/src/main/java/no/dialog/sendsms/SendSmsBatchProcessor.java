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
 * One batch from the SMS channel queue ({@link SendQueueProcessor}): messages are sent one after the
 * other; LINK answers in tens of milliseconds, and a batch is at most 10.
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
        return processor.process(event);
    }
}
