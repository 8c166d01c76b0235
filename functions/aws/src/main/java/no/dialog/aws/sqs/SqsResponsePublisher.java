package no.dialog.aws.sqs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ResponsePublisher} on the responses queue ({@code RESPONSES_QUEUE_URL}), in batches of ten. */
@Singleton
@Requires(property = "responses.queue.url")
public class SqsResponsePublisher implements ResponsePublisher {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsResponsePublisher(SqsClient sqs, @Value("${responses.queue.url}") String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(TenantId tenant, List<Signal> responses) {
        if (!responses.isEmpty()) {
            MessageBatches.send(sqs, queueUrl, responses.stream().map(r -> SignalMessages.format(tenant, r)).toList());
        }
    }
}
