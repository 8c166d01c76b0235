package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.sqs.SyncQueues;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.sync.ContactChanges;
import no.dialog.core.sync.ContactErasures;
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
@Requires(property = "contact.events.queue.url")
public class SyncBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBatchProcessor.class);

    private final ContactImporter importer;
    private final ContactChanges changes;
    private final Optional<ContactErasures> erasures;
    private final String importsQueueUrl;
    private final DeadLetters importsDeadLetters;
    private final DeadLetters contactEventsDeadLetters;
    private final int maxReceiveCount;

    public SyncBatchProcessor(ContactImporter importer, ContactChanges changes, Optional<ContactErasures> erasures,
            SqsClient sqs, Clock clock,
            @Value("${imports.queue.url}") String importsQueueUrl,
            @Value("${imports.dlq.url}") String importsDlqUrl,
            @Value("${contact.events.dlq.url}") String contactEventsDlqUrl,
            @Value("${sync.max-receive-count:5}") int maxReceiveCount) {
        this.importer = importer;
        this.changes = changes;
        this.erasures = erasures;
        this.importsQueueUrl = importsQueueUrl;
        this.importsDeadLetters = new SqsDeadLetters(sqs, importsDlqUrl, clock);
        this.contactEventsDeadLetters = new SqsDeadLetters(sqs, contactEventsDlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    public SQSBatchResponse process(SQSEvent event, LongSupplier remainingMillis) {
        return QueueBatches.process(event, maxReceiveCount, this::deadLettersFor, m -> handle(m, remainingMillis));
    }

    private void handle(SQSEvent.SQSMessage message, LongSupplier remainingMillis) {
        SyncMessage parsed = SyncMessage.parse(message.getBody());
        if (parsed instanceof SyncMessage.FilesUploaded uploaded) {
            uploaded.files().forEach(file -> importFile(file, remainingMillis));
        } else if (parsed instanceof SyncMessage.ContinueImport next) {
            importFile(next.file(), remainingMillis);
        } else if (parsed instanceof SyncMessage.EraseEvent erase) {
            erasures.orElseThrow(() -> new PermanentFailure("erasures are not set up for this function"
                    + " (no ERASURES_TABLE or ERASURES_QUEUE_URL)")).apply(erase.eventJson());
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
        return QueueBatches.isFrom(message, importsQueueUrl) ? importsDeadLetters : contactEventsDeadLetters;
    }
}
