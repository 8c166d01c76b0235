package no.dialog.aws.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.privacy.ErasureQueue;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ErasureQueue} on the erasures queue: one message per erasure, ids only. */
@Singleton
@Requires(property = "erasures.queue.url")
public class SqsErasureQueue implements ErasureQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsErasureQueue(SqsClient sqs, @Value("${erasures.queue.url}") String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(TenantId tenant, String erasureId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ErasureMessages.run(tenant, erasureId)));
    }
}
