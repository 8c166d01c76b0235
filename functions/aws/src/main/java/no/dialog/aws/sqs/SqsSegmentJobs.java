package no.dialog.aws.sqs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.enrolment.JourneyMessages;
import no.dialog.core.enrolment.SegmentJobs;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The segment-jobs queue: evaluations to run and enrolment chunks to write. */
@Singleton
@Requires(property = "segment.jobs.queue.url")
public class SqsSegmentJobs implements SegmentJobs {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSegmentJobs(SqsClient sqs, @Value("${segment.jobs.queue.url}") String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void evaluate(TenantId tenant, String journeyId, int version, String runId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(JourneyMessages.evaluate(tenant, journeyId, version, runId)));
    }

    /** One message per chunk of contact ids. */
    @Override
    public void enrol(TenantId tenant, String journeyId, int version, String runId, int firstChunk,
                      List<List<String>> chunks) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            bodies.add(JourneyMessages.enrol(tenant, journeyId, version, runId, firstChunk + i, chunks.get(i)));
        }
        MessageBatches.send(sqs, queueUrl, bodies);
    }

    @Override
    public void rerun(TenantId tenant, String journeyId, String runId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(JourneyMessages.rerun(tenant, journeyId, runId)));
    }
}
