package no.dialog.journeys;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.sqs.SqsStepQueue;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.EnrolmentRunner;
import no.dialog.core.results.AutoWinners;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.JourneyMessages;
import no.dialog.core.enrolment.Outcome;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.observability.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One batch from either of the journeys function's queues. A chunk of enrolments is advanced one by
 * one; if one fails the whole message is retried, which is safe because advancing an enrolment that
 * has already moved on changes nothing.
 */
@Singleton
public class JourneysBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(JourneysBatchProcessor.class);

    private final EnrolmentRunner runner;
    private final EnrolmentStore store;
    private final SqsStepQueue steps;
    private final Metrics metrics;
    private final String stepsQueueUrl;
    private final DeadLetters stepsDeadLetters;
    private final DeadLetters responsesDeadLetters;
    private final int maxReceiveCount;
    private final ExecutorService parallel;
    private final AutoWinners winners;

    public JourneysBatchProcessor(EnrolmentRunner runner, EnrolmentStore store, SqsStepQueue steps, Metrics metrics,
            SqsClient sqs, Clock clock, AutoWinners winners,
            @Value("${journey.steps.queue.url}") String stepsQueueUrl,
            @Value("${journey.steps.dlq.url}") String stepsDlqUrl,
            @Value("${responses.dlq.url}") String responsesDlqUrl,
            @Value("${journeys.max-receive-count:5}") int maxReceiveCount,
            @Value("${journeys.step-concurrency:8}") int stepConcurrency) {
        this.runner = runner;
        this.winners = winners;
        this.store = store;
        this.steps = steps;
        this.metrics = metrics;
        this.stepsQueueUrl = stepsQueueUrl;
        this.stepsDeadLetters = new SqsDeadLetters(sqs, stepsDlqUrl, clock);
        this.responsesDeadLetters = new SqsDeadLetters(sqs, responsesDlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
        this.parallel = Executors.newFixedThreadPool(stepConcurrency, runnable -> {
            Thread thread = new Thread(runnable, "journey-steps");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void close() {
        parallel.shutdownNow();
    }

    public SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount,
                message -> QueueBatches.isFrom(message, stepsQueueUrl) ? stepsDeadLetters : responsesDeadLetters,
                message -> {
                    if (QueueBatches.isFrom(message, stepsQueueUrl)) {
                        handleStep(message.getBody());
                    } else {
                        handleResponse(message.getBody());
                    }
                });
    }

    private void handleStep(String body) {
        JourneyMessages.Message message = JourneyMessages.parse(body);
        if (message instanceof JourneyMessages.Advance advance) {
            MDC.put(LogKeys.TENANT, advance.tenant().value());
            count(advance.tenant().value(), "Steps", advanceAll(advance));
        } else if (message instanceof JourneyMessages.Sweep) {
            steps.sweepShards(store.dueShards());
        } else if (message instanceof JourneyMessages.DecideExperiments) {
            List<AutoWinners.Declared> declared = winners.decide();
            declared.forEach(d -> metrics.count(Map.of("function", "journeys", "tenant", d.tenant().value()),
                    Map.of("WinnersDeclared", 1L)));
        } else if (message instanceof JourneyMessages.SweepShard sweep) {
            long dispatched = runner.sweep(sweep.shard());
            if (dispatched > 0) {
                LOG.info("due index shard {}: {} enrolments dispatched", sweep.shard(), dispatched);
            }
        } else {
            throw new PermanentFailure("not a journey-steps message");
        }
    }

    /**
     * Advances a chunk's enrolments in parallel: each is a few round trips to DynamoDB, so a chunk done
     * one by one would spend its time waiting. If any fails, the whole message is retried once all
     * have finished, which is safe because advancing an enrolment that has moved on changes nothing.
     */
    private Map<Outcome, Integer> advanceAll(JourneyMessages.Advance advance) {
        List<Future<Outcome>> results = new ArrayList<>();
        for (EnrolmentRef ref : advance.refs()) {
            results.add(parallel.submit(() -> {
                MDC.put(LogKeys.TENANT, advance.tenant().value());
                try {
                    return runner.advance(advance.tenant(), ref);
                } finally {
                    MDC.remove(LogKeys.TENANT);
                }
            }));
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        RuntimeException failure = null;
        for (Future<Outcome> result : results) {
            try {
                outcomes.merge(result.get(), 1, Integer::sum);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("advancing an enrolment failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while advancing a chunk", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return outcomes;
    }

    private void handleResponse(String body) {
        SignalMessages.TenantSignal signal = SignalMessages.parse(body);
        MDC.put(LogKeys.TENANT, signal.tenant().value());
        count(signal.tenant().value(), "Signals", runner.signal(signal.tenant(), signal.signal()));
    }

    private void count(String tenant, String prefix, Map<Outcome, Integer> outcomes) {
        metrics.count(Map.of("function", "journeys", "tenant", tenant), Outcome.asCounts(prefix, outcomes));
    }
}
