package no.dialog.sendemail;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.email.EmailMessage;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch from the e-mail channel queue ({@link SendQueueProcessor}): messages are sent one after the
 * other; SES answers in tens of milliseconds, and a batch is at most 10.
 */
@Singleton
public class SendEmailBatchProcessor {

    private final SendQueueProcessor processor;

    public SendEmailBatchProcessor(OnceSender<EmailMessage> sender, SqsSendQueues queues, Metrics metrics,
            SqsClient sqs, Clock clock, @Value("${send.email.queue.url}") String queueUrl,
            @Value("${send.email.dlq.url}") String dlqUrl, @Value("${send-email.max-receive-count:5}") int maxReceiveCount) {
        this.processor = new SendQueueProcessor("send-email", sender, queues::enqueueLater, metrics, sqs, clock, queueUrl,
                dlqUrl, maxReceiveCount);
    }

    public SQSBatchResponse process(SQSEvent event) {
        return processor.process(event);
    }
}
