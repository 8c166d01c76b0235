package no.dialog.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import no.dialog.core.sync.ChangeReplays;
import no.dialog.core.sync.ImportContinuations;
import no.dialog.core.sync.ImportFile;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The sync function's own messages: continuing a long import, and replaying a change event later
 * (why: see {@link ChangeReplays}).
 */
@Singleton
@Requires(property = "imports.queue.url")
@Requires(property = "contact.events.queue.url")
public class SyncQueues implements ImportContinuations, ChangeReplays {

    /** Message attribute that marks the delayed second application of a change event. */
    public static final String REPLAY_ATTRIBUTE = "dialog-replay";
    /** Longer than any import batch's read-to-write window; SQS allows at most 900 s. */
    static final int REPLAY_DELAY_SECONDS = 120;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SqsClient sqs;
    private final String importsQueueUrl;
    private final String contactEventsQueueUrl;

    public SyncQueues(SqsClient sqs, @Value("${imports.queue.url}") String importsQueueUrl,
            @Value("${contact.events.queue.url}") String contactEventsQueueUrl) {
        this.sqs = sqs;
        this.importsQueueUrl = importsQueueUrl;
        this.contactEventsQueueUrl = contactEventsQueueUrl;
    }

    @Override
    public void continueLater(ImportFile file) {
        try {
            String body = MAPPER.writeValueAsString(Map.of("continueImport", Map.of(
                    "bucket", file.bucket(), "key", file.key(), "eTag", file.eTag(), "sequencer", file.sequencer())));
            sqs.sendMessage(b -> b.queueUrl(importsQueueUrl).messageBody(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void replayLater(String eventJson) {
        sqs.sendMessage(b -> b.queueUrl(contactEventsQueueUrl).messageBody(eventJson)
                .delaySeconds(REPLAY_DELAY_SECONDS)
                .messageAttributes(Map.of(REPLAY_ATTRIBUTE,
                        MessageAttributeValue.builder().dataType("String").stringValue("true").build())));
    }
}
