package no.dialog.sendnewsletter;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.NewsletterSubscription;
import no.dialog.core.send.OnceSender;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One batch from the newsletter channel queue ({@link SendQueueProcessor}), one subscription after the other. */
@Singleton
public class SendNewsletterBatchProcessor {

    private final SendQueueProcessor processor;

    public SendNewsletterBatchProcessor(OnceSender<NewsletterSubscription> sender, SqsSendQueues queues, Metrics metrics,
            SqsClient sqs, Clock clock, @Value("${send.newsletter.queue.url}") String queueUrl,
            @Value("${send.newsletter.dlq.url}") String dlqUrl,
            @Value("${send-newsletter.max-receive-count:5}") int maxReceiveCount) {
        this.processor = new SendQueueProcessor("send-newsletter", sender, queues::enqueueLater, metrics, sqs, clock,
                queueUrl, dlqUrl, maxReceiveCount);
    }

    public SQSBatchResponse process(SQSEvent event) {
        return processor.process(event);
    }
}
