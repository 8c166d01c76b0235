package no.dialog.segmentation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.enrolment.JourneyMessages;
import no.dialog.core.enrolment.RunChunk;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.enrolment.SegmentationRunner;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.observability.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One batch of segment jobs: parse each message and hand it to {@link SegmentationRunner}. */
@Singleton
public class SegmentationBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentationBatchProcessor.class);

    private final SegmentationRunner runner;
    private final Metrics metrics;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    public SegmentationBatchProcessor(SegmentationRunner runner, Metrics metrics, SqsClient sqs, Clock clock,
            @Value("${segment.jobs.dlq.url}") String dlqUrl,
            @Value("${segmentation.max-receive-count:5}") int maxReceiveCount) {
        this.runner = runner;
        this.metrics = metrics;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    public SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> handle(message.getBody()));
    }

    private void evaluated(TenantId tenant, String journeyId, String runId,
                           SegmentEvaluation evaluation) {
        LOG.info("journey {} run {}: {} people match its segment (snapshot as of {} {}, {} changed contacts laid over it,"
                + " read at {})", journeyId, runId, evaluation.matches(), evaluation.snapshotAsOf(), evaluation.basis(),
                evaluation.overlayContacts(), evaluation.readAt());
        metrics.count(Map.of("function", "segmentation", "tenant", tenant.value()),
                Map.of("SegmentMatches", evaluation.matches()));
    }

    private void handle(String body) {
        JourneyMessages.Message message = JourneyMessages.parse(body);
        if (message instanceof JourneyMessages.Tick) {
            int queued = runner.tick();
            LOG.info("tick: {} segment evaluations queued", queued);
        } else if (message instanceof JourneyMessages.Evaluate evaluate) {
            MDC.put(LogKeys.TENANT, evaluate.tenant().value());
            evaluated(evaluate.tenant(), evaluate.journeyId(), evaluate.runId(),
                    runner.evaluate(evaluate.tenant(), evaluate.journeyId(), evaluate.version(), evaluate.runId()));
        } else if (message instanceof JourneyMessages.Rerun rerun) {
            MDC.put(LogKeys.TENANT, rerun.tenant().value());
            runner.rerun(rerun.tenant(), rerun.journeyId(), rerun.runId()).ifPresentOrElse(
                    evaluation -> evaluated(rerun.tenant(), rerun.journeyId(), rerun.runId(), evaluation),
                    () -> LOG.info("journey {} run {}: not run again (claimed before, or no longer an active campaign)",
                            rerun.journeyId(), rerun.runId()));
        } else if (message instanceof JourneyMessages.Enrol enrol) {
            MDC.put(LogKeys.TENANT, enrol.tenant().value());
            RunChunk outcome = runner.enrol(enrol.tenant(), enrol.journeyId(), enrol.version(), enrol.runId(),
                    enrol.chunk(), enrol.contactIds());
            metrics.count(Map.of("function", "segmentation", "tenant", enrol.tenant().value()),
                    Map.of("EnrolmentsADVANCED", (long) outcome.enrolled(), "EnrolmentsNOT_ENROLLED",
                            (long) (outcome.alreadyEnrolled() + outcome.overCap() + outcome.notActive())));
        } else {
            throw new PermanentFailure("not a segmentation job");
        }
    }
}
