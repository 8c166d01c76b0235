package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.sqs.SyncQueues;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.sync.ContactChanges;
import no.dialog.core.sync.ContactImporter;
import no.dialog.core.sync.ImportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Handles one SQS batch for the sync function, message by message, and reports partial failures:
 *
 * <ul>
 *   <li>a message that can never succeed ({@link PermanentFailure}) goes to its dead-letter queue at
 *       once with the reason, and counts as handled;</li>
 *   <li>any other failure is reported back so SQS delivers the message again; on its last allowed
 *       delivery it goes to the dead-letter queue with the reason instead, so that nothing reaches
 *       the DLQ without one.</li>
 * </ul>
 */
@Singleton
public class SyncBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBatchProcessor.class);

    private final ContactImporter importer;
    private final ContactChanges changes;
    private final String importsQueueName;
    private final DeadLetters importsDeadLetters;
    private final DeadLetters contactEventsDeadLetters;
    private final int maxReceiveCount;

    public SyncBatchProcessor(ContactImporter importer, ContactChanges changes, SqsClient sqs, Clock clock,
            @Value("${imports.queue.url}") String importsQueueUrl,
            @Value("${imports.dlq.url}") String importsDlqUrl,
            @Value("${contact.events.dlq.url}") String contactEventsDlqUrl,
            @Value("${sync.max-receive-count:5}") int maxReceiveCount) {
        this.importer = importer;
        this.changes = changes;
        this.importsQueueName = importsQueueUrl.substring(importsQueueUrl.lastIndexOf('/') + 1);
        this.importsDeadLetters = new SqsDeadLetters(sqs, importsDlqUrl, clock);
        this.contactEventsDeadLetters = new SqsDeadLetters(sqs, contactEventsDlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    public SQSBatchResponse process(SQSEvent event, LongSupplier remainingMillis) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            MDC.put(LogKeys.MESSAGE_ID, message.getMessageId());
            try {
                handle(message, remainingMillis);
            } catch (PermanentFailure e) {
                LOG.warn("message sent to the dead-letter queue: {}", e.getMessage());
                deadLettersFor(message).deadLetter(message.getBody(), e.getMessage());
            } catch (RuntimeException e) {
                if (receiveCount(message) >= maxReceiveCount) {
                    String reason = "failed " + receiveCount(message) + " times; last error: " + e.getClass().getSimpleName();
                    LOG.error("message sent to the dead-letter queue: {}", reason, e);
                    deadLettersFor(message).deadLetter(message.getBody(), reason);
                } else {
                    LOG.warn("message failed; SQS will deliver it again", e);
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } finally {
                MDC.remove(LogKeys.MESSAGE_ID);
                MDC.remove(LogKeys.TENANT);
                MDC.remove(LogKeys.IMPORT_ID);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void handle(SQSEvent.SQSMessage message, LongSupplier remainingMillis) {
        SyncMessage parsed = SyncMessage.parse(message.getBody());
        if (parsed instanceof SyncMessage.FilesUploaded uploaded) {
            uploaded.files().forEach(file -> importFile(file, remainingMillis));
        } else if (parsed instanceof SyncMessage.ContinueImport next) {
            importFile(next.file(), remainingMillis);
        } else if (parsed instanceof SyncMessage.ChangeEvent change) {
            changes.apply(change.eventJson(), isReplay(message));
        } else {
            LOG.info("S3 test notification ignored");
        }
    }

    private void importFile(ImportFile file, LongSupplier remainingMillis) {
        MDC.put(LogKeys.IMPORT_ID, file.importId());
        file.tenant().ifPresent(tenant -> MDC.put(LogKeys.TENANT, tenant.value()));
        importer.run(file, remainingMillis);
    }

    private static boolean isReplay(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        return attributes != null && attributes.containsKey(SyncQueues.REPLAY_ATTRIBUTE);
    }

    private DeadLetters deadLettersFor(SQSEvent.SQSMessage message) {
        String arn = message.getEventSourceArn() == null ? "" : message.getEventSourceArn();
        return arn.endsWith(":" + importsQueueName) ? importsDeadLetters : contactEventsDeadLetters;
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
