package no.dialog.sendchat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.observability.Metrics;
import no.dialog.core.send.ChatMessage;
import no.dialog.core.send.OnceSender;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One batch from the chat channel queue ({@link SendQueueProcessor}), sent one message after the other. */
@Singleton
public class SendChatBatchProcessor {

    private final SendQueueProcessor processor;

    public SendChatBatchProcessor(OnceSender<ChatMessage> sender, SqsSendQueues queues, Metrics metrics, SqsClient sqs,
            Clock clock, @Value("${send.chat.queue.url}") String queueUrl, @Value("${send.chat.dlq.url}") String dlqUrl,
            @Value("${send-chat.max-receive-count:5}") int maxReceiveCount) {
        this.processor = new SendQueueProcessor("send-chat", sender, queues::enqueueLater, metrics, sqs, clock, queueUrl,
                dlqUrl, maxReceiveCount);
    }

    public SQSBatchResponse process(SQSEvent event) {
        return processor.process(event);
    }
}
