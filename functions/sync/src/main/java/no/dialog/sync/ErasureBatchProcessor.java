package no.dialog.sync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.privacy.Eraser;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.privacy.ErasureSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs each erasure of a batch from the erasures queue ({@link ErasureMessages}) with the {@link Eraser}, and
 * reports partial failures ({@link QueueBatches}): a store that fails leaves the message to be delivered again,
 * and the redelivery resumes after the stores already recorded. An erasure nobody recorded is a permanent
 * failure (to the DLQ with the reason); one already finished does nothing.
 *
 * <p>Stores that know a person only by a phone number (giver candidates, unmatched payments) are handed the
 * numbers of the contact as it is when the run begins ({@link ErasureSubject}). The message carries ids only,
 * so the numbers are read from the contact on every run; those stores come before the contact's tombstone in
 * the order ({@code @Order} below 0), so they always run while the contact still has its numbers, and a
 * redelivery after the tombstone finds them done already.
 */
@Singleton
@Requires(beans = Eraser.class)
public class ErasureBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureBatchProcessor.class);

    private final Eraser eraser;
    private final ErasureLog log;
    private final ContactStore contacts;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    public ErasureBatchProcessor(Eraser eraser, ErasureLog log, ContactStore contacts, SqsClient sqs, Clock clock,
            @Value("${erasures.dlq.url}") String dlqUrl,
            @Value("${erasures.max.receive.count}") int maxReceiveCount) {
        this.eraser = eraser;
        this.log = log;
        this.contacts = contacts;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    public SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, this::handle);
    }

    private void handle(SQSEvent.SQSMessage message) {
        ErasureMessages.Run run = ErasureMessages.parse(message.getBody());
        MDC.put(LogKeys.TENANT, run.tenant().value());
        Erasure asked = log.find(run.tenant(), run.erasureId()).orElseThrow(
                () -> new PermanentFailure("no erasure with this id was recorded for the tenant"));
        ErasureSubject subject = contacts.find(run.tenant(), asked.contactId()).map(ErasureSubject::of)
                .orElseGet(() -> ErasureSubject.of(asked.contactId()));
        Erasure erasure = eraser.run(run.tenant(), run.erasureId(), subject);
        // Counts per store only: what was erased is gone, and the report holds no personal data.
        LOG.info("erasure {} is {}: {}", erasure.erasureId(), erasure.state(), erasure.erased());
    }
}
