package no.dialog.aws.sqs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.JourneyMessages;
import no.dialog.core.enrolment.StepQueue;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link StepQueue} on the journey-steps queue: 50 enrolments per message, ten messages per call. */
@Singleton
@Requires(property = "journey.steps.queue.url")
public class SqsStepQueue implements StepQueue {

    static final int REFS_PER_MESSAGE = 50;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsStepQueue(SqsClient sqs, @Value("${journey.steps.queue.url}") String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void advance(TenantId tenant, List<EnrolmentRef> refs) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < refs.size(); from += REFS_PER_MESSAGE) {
            bodies.add(JourneyMessages.advance(tenant, refs.subList(from, Math.min(from + REFS_PER_MESSAGE, refs.size()))));
        }
        MessageBatches.send(sqs, queueUrl, bodies);
    }

    /** Asks for a sweep of each shard of the due index, one message each, so shards are swept in parallel. */
    public void sweepShards(int shards) {
        List<String> bodies = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            bodies.add(JourneyMessages.sweepShard(shard));
        }
        MessageBatches.send(sqs, queueUrl, bodies);
    }
}
