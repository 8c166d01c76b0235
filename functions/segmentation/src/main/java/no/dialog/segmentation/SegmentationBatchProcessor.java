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
import no.dialog.core.enrolment.Outcome;
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

    private void handle(String body) {
        JourneyMessages.Message message = JourneyMessages.parse(body);
        if (message instanceof JourneyMessages.Tick) {
            int queued = runner.tick();
            LOG.info("tick: {} segment evaluations queued", queued);
        } else if (message instanceof JourneyMessages.Evaluate evaluate) {
            MDC.put(LogKeys.TENANT, evaluate.tenant().value());
            long matches = runner.evaluate(evaluate.tenant(), evaluate.journeyId(), evaluate.version());
            LOG.info("journey {} v{} run {}: {} people match its segment", evaluate.journeyId(), evaluate.version(),
                    evaluate.runId(), matches);
            metrics.count(Map.of("function", "segmentation", "tenant", evaluate.tenant().value()),
                    Map.of("SegmentMatches", matches));
        } else if (message instanceof JourneyMessages.Enrol enrol) {
            MDC.put(LogKeys.TENANT, enrol.tenant().value());
            Map<Outcome, Integer> outcomes = runner.enrol(enrol.tenant(), enrol.journeyId(), enrol.version(),
                    enrol.contactIds());
            metrics.count(Map.of("function", "segmentation", "tenant", enrol.tenant().value()), Outcome.asCounts("Enrolments", outcomes));
        } else {
            throw new PermanentFailure("not a segmentation job");
        }
    }
}
